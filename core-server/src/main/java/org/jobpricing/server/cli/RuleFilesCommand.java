package org.jobpricing.server.cli;

import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.jobpricing.server.rules.RuleSetLoader;
import org.jobpricing.server.rules.RuleSource;

/** A command over a rules directory given on the command line (no server, no database). */
abstract class RuleFilesCommand extends Command {

    RuleFilesCommand(String name, String description) {
        super(name, description);
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("directory").nargs("?").setDefault("rules").help("the rules directory (default: rules)");
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
        Path directory = Path.of(namespace.getString("directory"));
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException(directory + " is not a directory");
        }
        if (!run(RuleSetLoader.fromDirectory(directory))) {
            throw new RuleFilesFailed(getName() + " failed for " + directory);
        }
    }

    /** True when the files pass. */
    abstract boolean run(List<RuleSource> files) throws Exception;

    /** Makes the command exit non-zero without a stack trace of its own. */
    static final class RuleFilesFailed extends Exception {
        private static final long serialVersionUID = 1L;

        RuleFilesFailed(String message) {
            super(message, null, false, false);
        }
    }
}
