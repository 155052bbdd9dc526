package org.jobpricing.server.cli.backup;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.SortedMap;
import net.sourceforge.argparse4j.inf.Namespace;
import org.jobpricing.server.JobPricingConfiguration;
import org.jobpricing.server.cli.backup.TableChecksums.Summary;

/** {@code verify-backup config.yml --file F}: restores F into a scratch database and compares it with the live one. */
public final class VerifyBackupCommand extends BackupFileCommand {

    public VerifyBackupCommand() {
        this(System.out);
    }

    public VerifyBackupCommand(PrintStream out) {
        super(
                "verify-backup",
                "Restores a backup into a scratch database and compares every table with the live "
                        + "database (row counts and checksums)",
                out);
    }

    @Override
    public void run(JobPricingConfiguration configuration, Namespace namespace) throws Exception {
        Path file = file(namespace);
        Backups backups = backups(configuration);
        VerifyReport report = verify(backups, file);
        out.print(report.render());
        List<String> failed = report.failedTables();
        if (report.rows().isEmpty()) {
            throw new BackupException("no tables in " + backups.describe() + " nor in " + file);
        }
        if (!failed.isEmpty()) {
            throw new BackupException(failed.size() + " of " + report.rows().size() + " tables differ between "
                    + backups.describe() + " and " + file + ": " + String.join(", ", failed));
        }
        out.println("OK: all " + report.rows().size() + " tables of " + file + " match " + backups.describe());
    }

    private VerifyReport verify(Backups backups, Path file) throws Exception {
        try (ScratchDatabase scratch = backups.restoreToScratch(file)) {
            out.println("restored " + file + " into " + scratch.describe() + " (deleted afterwards)");
            SortedMap<String, Summary> live;
            try (Connection connection = backups.connect()) {
                live = TableChecksums.of(connection);
            }
            SortedMap<String, Summary> restored;
            try (Connection connection = scratch.connect()) {
                restored = TableChecksums.of(connection);
            }
            return VerifyReport.compare(live, restored);
        }
    }
}
