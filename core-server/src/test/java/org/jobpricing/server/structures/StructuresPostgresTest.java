package org.jobpricing.server.structures;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.jobpricing.server.JobPricingConfiguration;
import org.jobpricing.server.support.TestApps;
import org.jobpricing.server.support.TestDatabases;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class StructuresPostgresTest extends StructuresContract {

    static final DropwizardAppExtension<JobPricingConfiguration> APP = TestApps.app(TestDatabases.postgres());

    @Override
    DropwizardAppExtension<JobPricingConfiguration> app() {
        return APP;
    }
}
