package org.jobpricing.server.cli.backup;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.jobpricing.server.JobPricingConfiguration;

/** {@code restore config.yml --file F --yes}: replaces the configured database's contents with a backup. */
public final class RestoreCommand extends BackupFileCommand {

    /** Namespace key of {@code --yes}. */
    static final String YES = "yes";

    public RestoreCommand() {
        this(System.out);
    }

    public RestoreCommand(PrintStream out) {
        super(
                "restore",
                "Restores a backup file into the configured database, replacing its contents (needs --yes)",
                out);
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser
                .addArgument("--yes")
                .dest(YES)
                .action(Arguments.storeTrue())
                .help("confirm that the database's current contents are to be replaced");
    }

    @Override
    public void run(JobPricingConfiguration configuration, Namespace namespace) throws Exception {
        Path file = file(namespace);
        if (!Files.isRegularFile(file)) {
            throw new BackupException("backup file " + file + " not found");
        }
        Backups backups = backups(configuration);
        if (!Boolean.TRUE.equals(namespace.getBoolean(YES))) {
            throw new BackupException("restore replaces everything in " + backups.describe() + " with " + file
                    + "; stop the server, then run it again with --yes to confirm");
        }
        backups.restore(file);
        out.println("restored " + file.toAbsolutePath().normalize() + " into " + backups.describe()
                + "; start the server (it applies any migrations newer than the backup)");
    }
}
