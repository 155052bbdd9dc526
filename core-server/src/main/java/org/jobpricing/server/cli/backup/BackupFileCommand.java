package org.jobpricing.server.cli.backup;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.jobpricing.server.JobPricingConfiguration;

/** A command over the configured database (config.yml, like {@code server}) and one backup file. */
abstract class BackupFileCommand extends ConfiguredCommand<JobPricingConfiguration> {

    /** Namespace key of {@code --file} ({@code file} is config.yml's, taken by ConfiguredCommand). */
    static final String FILE = "backup_file";

    final PrintStream out;

    BackupFileCommand(String name, String description, PrintStream out) {
        super(name, description);
        this.out = out;
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser
                .addArgument("--file")
                .dest(FILE)
                .metavar("FILE")
                .required(true)
                .help("the backup file");
    }

    @Override
    protected final void run(
            Bootstrap<JobPricingConfiguration> bootstrap, Namespace namespace, JobPricingConfiguration configuration)
            throws Exception {
        run(configuration, namespace);
    }

    /** The command itself; throws {@link BackupException} (a non-zero exit) when it fails. */
    public abstract void run(JobPricingConfiguration configuration, Namespace namespace) throws Exception;

    /** Expected failures print one line; anything else keeps its stack trace. */
    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        if (e instanceof BackupException) {
            cli.getStdErr().println(getName() + " failed: " + e.getMessage());
        } else if (e instanceof SQLException || e instanceof IOException) {
            cli.getStdErr().println(getName() + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        } else {
            super.onError(cli, namespace, e);
        }
    }

    static Path file(Namespace namespace) {
        String file = namespace.getString(FILE);
        if (file == null || file.isBlank()) {
            throw new BackupException("--file is required");
        }
        return Path.of(file);
    }

    static Backups backups(JobPricingConfiguration configuration) {
        return Backups.of(DatabaseSettings.of(configuration.getDatabase()));
    }
}
