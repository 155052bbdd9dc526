package org.jobpricing.server.cli;

import io.dropwizard.core.Application;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ServerCommand;
import net.sourceforge.argparse4j.inf.Namespace;
import org.jobpricing.server.JobPricingConfiguration;
import org.jobpricing.server.failures.StartupRefused;

/** Dropwizard's {@code server} command, printing a refused start as one line instead of a stack trace. */
public final class RefusingServerCommand extends ServerCommand<JobPricingConfiguration> {

    public RefusingServerCommand(Application<JobPricingConfiguration> application) {
        super(application);
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        if (e instanceof StartupRefused refused) {
            cli.getStdErr().println("job-pricing: cannot start: " + refused.getMessage());
        } else {
            super.onError(cli, namespace, e);
        }
    }
}
