package org.jobpricing.server.support;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.util.ArrayList;
import java.util.List;
import org.jobpricing.server.JobPricingApplication;
import org.jobpricing.server.JobPricingConfiguration;

/** Starts the real server from the repository's config.yml on a test database and free ports. */
public final class TestApps {

    private TestApps() {
    }

    /** The repository's config.yml (the path comes from the build). */
    public static String configPath() {
        return System.getProperty("jobpricing.config", "../config.yml");
    }

    public static String pluginsDir() {
        return System.getProperty("jobpricing.plugins.dir", "target/plugins");
    }

    public static String rulesDir() {
        return System.getProperty("jobpricing.rules.dir", "../rules");
    }

    /** An app on {@code db} with the bundled rules and plugins; extra overrides win. */
    public static DropwizardAppExtension<JobPricingConfiguration> app(TestDatabases.Db db, ConfigOverride... extra) {
        List<ConfigOverride> overrides = new ArrayList<>(List.of(
                ConfigOverride.config("server.applicationConnectors[0].port", "0"),
                ConfigOverride.config("server.adminConnectors[0].port", "0"),
                ConfigOverride.config("database.driverClass", db.driver()),
                ConfigOverride.config("database.url", db.url()),
                ConfigOverride.config("database.user", db.user()),
                ConfigOverride.config("database.password", db.password()),
                ConfigOverride.config("rules.directory", rulesDir()),
                ConfigOverride.config("plugins.directory", pluginsDir()),
                ConfigOverride.config("logging.level", "WARN")));
        overrides.addAll(List.of(extra));
        return new DropwizardAppExtension<>(JobPricingApplication.class, configPath(),
                overrides.toArray(ConfigOverride[]::new));
    }

    /** An app whose database starts empty: no market data is loaded from plugins at startup. */
    public static DropwizardAppExtension<JobPricingConfiguration> appWithoutStartupRefresh(TestDatabases.Db db) {
        return app(db, ConfigOverride.config("plugins.refreshOnStartup", "false"));
    }
}
