package org.jobpricing.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import java.util.Map;
import org.jobpricing.server.config.Mode;
import org.jobpricing.server.support.TestApps;
import org.junit.jupiter.api.Test;

/** The real config.yml parses, and the signing-key rules hold at startup. */
class StartupSafetyTest {

    /** A prefix of its own, so no other test's system properties reach this configuration. */
    static final String PREFIX = "startup-safety-test";

    static JobPricingConfiguration load(String... overrides) throws Exception {
        YamlConfigurationFactory<JobPricingConfiguration> factory = new YamlConfigurationFactory<>(
                JobPricingConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), PREFIX);
        for (int i = 0; i < overrides.length; i += 2) {
            System.setProperty(PREFIX + "." + overrides[i], overrides[i + 1]);
        }
        try {
            return factory.build(
                    new SubstitutingSourceProvider(
                            new FileConfigurationSourceProvider(), ConfigSubstitutor.environment()),
                    TestApps.configPath());
        } finally {
            for (int i = 0; i < overrides.length; i += 2) {
                System.clearProperty(PREFIX + "." + overrides[i]);
            }
        }
    }

    @Test
    void theShippedConfigIsADevelopmentSetupWithSafeDefaults() throws Exception {
        JobPricingConfiguration config = load();

        assertThat(config.getEnvironment()).isEqualTo(Mode.DEVELOPMENT);
        assertThat(config.getAuth().getBcryptCost()).isGreaterThanOrEqualTo(12);
        assertThat(config.getAuth().isRegistrationEnabled()).isFalse();
        assertThat(config.getAuth().getAccessTokenTtl().toMinutes()).isEqualTo(15);
        assertThat(config.getAuth().getRefreshTokenTtl().toDays()).isEqualTo(7);
        assertThat(config.getDatabase().getUrl()).startsWith("jdbc:h2:./data/");
    }

    @Test
    void developmentWithoutASecretUsesARandomKey() throws Exception {
        Map<String, byte[]> keys = JobPricingApplication.signingKeys(load());

        assertThat(keys).hasSize(1);
        assertThat(keys.values().iterator().next()).hasSize(32);
        assertThat(JobPricingApplication.signingKeys(load()).values().iterator().next())
                .isNotEqualTo(keys.values().iterator().next());
    }

    @Test
    void productionRefusesToStartWithoutAStrongSecret() throws Exception {
        assertThatThrownBy(() -> JobPricingApplication.signingKeys(load("environment", "production")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("JWT_SECRET");
        assertThatThrownBy(() -> JobPricingApplication.signingKeys(
                        load("environment", "production", "auth.jwtSecret", "too-short")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least 32 bytes");

        Map<String, byte[]> keys = JobPricingApplication.signingKeys(load(
                "environment",
                "production",
                "auth.jwtSecret",
                TestApps.JWT_SECRET,
                "auth.jwtKeyId",
                "k2",
                "auth.previousKeys.k1",
                TestApps.JWT_SECRET + "-old"));
        assertThat(keys.keySet()).containsExactly("k2", "k1");
    }

    @Test
    void productionRefusesDevelopmentDefaultsAndNamesEachSetting() throws Exception {
        assertThat(ProductionChecks.problems(load()))
                .as("development allows them")
                .isEmpty();

        JobPricingConfiguration unsafe =
                load("environment", "production", "auth.registrationEnabled", "true", "http.corsOrigins[0]", "*");
        assertThat(ProductionChecks.problems(unsafe))
                .hasSize(4)
                .anySatisfy(p -> assertThat(p).contains("DB_URL"))
                .anySatisfy(p -> assertThat(p).contains("JWT_SECRET"))
                .anySatisfy(p -> assertThat(p).contains("CORS_ORIGINS"))
                .anySatisfy(p -> assertThat(p).contains("REGISTRATION_ENABLED"));
        assertThatThrownBy(() -> ProductionChecks.verify(unsafe)).hasMessageContaining("refusing to start");

        JobPricingConfiguration safe = load(
                "environment",
                "production",
                "database.url",
                "jdbc:postgresql://db:5432/jobpricing",
                "auth.jwtSecret",
                TestApps.JWT_SECRET);
        assertThat(ProductionChecks.problems(safe)).isEmpty();
    }

    @Test
    void envExampleDocumentsEveryVariableTheConfigReads() throws Exception {
        java.nio.file.Path config = java.nio.file.Path.of(TestApps.configPath());
        String yaml = java.nio.file.Files.readString(config);
        String example = java.nio.file.Files.readString(config.resolveSibling(".env.example"));
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("\\$\\{([A-Z0-9_]+)").matcher(yaml);
        java.util.Set<String> variables = new java.util.TreeSet<>();
        while (m.find()) {
            variables.add(m.group(1));
        }

        assertThat(variables).hasSizeGreaterThan(20).contains("JWT_SECRET", "DB_URL", "SENTRY_DSN");
        assertThat(variables).allSatisfy(v -> assertThat(example).contains(v + "="));
    }
}
