package org.jobpricing.server.cli.backup;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import net.sourceforge.argparse4j.inf.Namespace;
import org.jobpricing.server.JobPricingConfiguration;

/** {@code backup config.yml --file F}: pg_dump (PostgreSQL) or SCRIPT TO (H2) of the configured database. */
public final class BackupCommand extends BackupFileCommand {

    public BackupCommand() {
        this(System.out);
    }

    public BackupCommand(PrintStream out) {
        super(
                "backup",
                "Backs up the configured database to a file (pg_dump custom format, or an H2 gzip script)",
                out);
    }

    @Override
    public void run(JobPricingConfiguration configuration, Namespace namespace) throws Exception {
        Path file = file(namespace);
        Backups backups = backups(configuration);
        backups.backup(file);
        out.println("backed up " + backups.describe() + " to "
                + file.toAbsolutePath().normalize() + ": " + BackupFiles.describeSize(Files.size(file)));
    }
}
