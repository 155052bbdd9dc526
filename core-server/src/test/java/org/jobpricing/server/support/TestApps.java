package org.jobpricing.server.support;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jobpricing.server.JobPricingApplication;
import org.jobpricing.server.JobPricingConfiguration;

/** Starts the real server from the repository's config.yml on a test database and free ports. */
public final class TestApps {

    /** The signing secret of test servers, so tests can also forge tokens with it. */
    public static final String JWT_SECRET = "test-signing-secret-of-at-least-32-bytes!";
    /** The first admin's password in test servers (username "admin"). */
    public static final String ADMIN_PASSWORD = "Sturdy-test-passphrase-7731";

    private static final java.util.concurrent.atomic.AtomicInteger APPS =
            new java.util.concurrent.atomic.AtomicInteger();

    private TestApps() {}

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

    /**
     * The settings of a test server on {@code db} with the bundled rules and plugins, ports chosen by the
     * system; {@code extra} are key, value pairs that win.
     */
    public static Map<String, String> settings(TestDatabases.Db db, String... extra) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("server.applicationConnectors[0].port", "0");
        settings.put("server.adminConnectors[0].port", "0");
        settings.put("database.driverClass", db.driver());
        settings.put("database.url", db.url());
        settings.put("database.user", db.user());
        settings.put("database.password", db.password());
        settings.put("rules.directory", rulesDir());
        settings.put("plugins.directory", pluginsDir());
        settings.put("rules.watch", "false");
        // test servers share one cache of compiled rules (a start loads the bundled rules instead of compiling)
        settings.put("rules.cacheDirectory", "target/rule-cache");
        // the nation's BLS rows only (about 4,000, not 300,000): a test that prices by area asks for all
        settings.put("plugins.config.bls-oews.areas", "national");
        for (String role : List.of("VIEWER", "HR_ANALYST", "HR_MANAGER", "ADMIN")) {
            settings.put("http.rateLimitPerMinute." + role, "1000000");
        }
        settings.put("http.anonymousRateLimitPerMinute", "1000000");
        settings.put("logging.level", "WARN");
        settings.put("auth.jwtSecret", JWT_SECRET);
        settings.put("auth.adminEmail", "admin@example.test");
        settings.put("auth.adminPassword", ADMIN_PASSWORD);
        settings.put("auth.bcryptCost", "4");
        for (int i = 0; i + 1 < extra.length; i += 2) {
            settings.put(extra[i], extra[i + 1]);
        }
        return settings;
    }

    /** An app on {@code db} with the bundled rules and plugins; {@code extra} are key, value pairs that win. */
    public static DropwizardAppExtension<JobPricingConfiguration> app(TestDatabases.Db db, String... extra) {
        Map<String, String> settings = settings(db, extra);
        // each app reads its overrides under its own system-property prefix, so two apps in one test
        // class (or one app that outlives its test) never see each other's settings
        String prefix = "jobpricing-test-" + APPS.incrementAndGet();
        List<ConfigOverride> overrides = new ArrayList<>();
        settings.forEach((key, value) -> overrides.add(ConfigOverride.config(prefix, key, value)));
        return new DropwizardAppExtension<>(
                JobPricingApplication.class, configPath(), prefix, overrides.toArray(ConfigOverride[]::new));
    }

    /** An app whose database starts empty: no market data is loaded from plugins at startup. */
    public static DropwizardAppExtension<JobPricingConfiguration> appWithoutStartupRefresh(TestDatabases.Db db) {
        return app(db, "plugins.refreshOnStartup", "false");
    }
}
