package org.jobpricing.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.logging.common.AbstractAppenderFactory;
import io.dropwizard.logging.common.DefaultLoggingFactory;
import io.dropwizard.request.logging.LogbackAccessRequestLogFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jobpricing.server.auth.Role;
import org.jobpricing.server.config.Mode;
import org.jobpricing.server.http.AccessConsoleAppenderFactory;
import org.jobpricing.server.support.TestApps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every variable of .env.example takes effect: config.yml reads it with the same default, a value other
 * than the default reaches the parsed configuration where the server takes it from, and docker compose
 * hands it to the server container (or sets it for the container on purpose, said here with the reason).
 */
class EnvironmentVariablesTest {

    static final Path CONFIG = Path.of(TestApps.configPath());
    static final Path ROOT = CONFIG.toAbsolutePath().getParent();

    /** Where a non-default value of one variable must arrive. */
    record Check(String value, Function<JobPricingConfiguration, Object> read, Object expected) {}

    static final Map<String, Check> CHECKS = new LinkedHashMap<>();

    static void check(String variable, String value, Function<JobPricingConfiguration, Object> read, Object expected) {
        CHECKS.put(variable, new Check(value, read, expected));
    }

    static void plugin(String variable, String plugin, String key, String value) {
        check(variable, value, c -> c.getPlugins().getConfig().get(plugin).get(key), value);
    }

    static HttpConnectorFactory connector(JobPricingConfiguration c, boolean admin) {
        DefaultServerFactory server = (DefaultServerFactory) c.getServerFactory();
        return (HttpConnectorFactory) (admin ? server.getAdminConnectors() : server.getApplicationConnectors()).get(0);
    }

    static String logThreshold(JobPricingConfiguration c, int appender) {
        return ((AbstractAppenderFactory<?>) ((DefaultLoggingFactory) c.getLoggingFactory())
                        .getAppenders()
                        .get(appender))
                .getThreshold();
    }

    static String accessLogThreshold(JobPricingConfiguration c, int appender) {
        LogbackAccessRequestLogFactory requestLog =
                (LogbackAccessRequestLogFactory) ((DefaultServerFactory) c.getServerFactory()).getRequestLogFactory();
        return ((AccessConsoleAppenderFactory) requestLog.getAppenders().get(appender)).getThreshold();
    }

    static {
        // mode and security
        check("JOBPRICING_ENV", "production", JobPricingConfiguration::getEnvironment, Mode.PRODUCTION);
        check(
                "JWT_SECRET",
                "!a-secret: of #at least \"32\" bytes\\",
                c -> c.getAuth().getJwtSecret(),
                "!a-secret: of #at least \"32\" bytes\\");
        check("JWT_KEY_ID", "k2", c -> c.getAuth().getJwtKeyId(), "k2");
        check("JWT_ISSUER", "pay-team", c -> c.getAuth().getIssuer(), "pay-team");
        check("JWT_AUDIENCE", "pay-api", c -> c.getAuth().getAudience(), "pay-api");
        check("BCRYPT_COST", "13", c -> c.getAuth().getBcryptCost(), 13);
        check("REGISTRATION_ENABLED", "true", c -> c.getAuth().isRegistrationEnabled(), true);
        check("ADMIN_EMAIL", "boss@example.test", c -> c.getAuth().getAdminEmail(), "boss@example.test");
        // YAML syntax in a value (alias, tag, comment, mapping, quotes, backslash) stays the value
        check(
                "ADMIN_PASSWORD",
                "*Sturdy: pass #7731 'it' \"is\" \\ fine",
                c -> c.getAuth().getAdminPassword(),
                "*Sturdy: pass #7731 'it' \"is\" \\ fine");
        // HTTP
        check("BIND_HOST", "0.0.0.0", c -> connector(c, false).getBindHost(), "0.0.0.0");
        check("PORT", "9090", c -> connector(c, false).getPort(), 9090);
        check("ADMIN_BIND_HOST", "0.0.0.0", c -> connector(c, true).getBindHost(), "0.0.0.0");
        check("ADMIN_PORT", "9091", c -> connector(c, true).getPort(), 9091);
        check("HTTP_MAX_BODY_BYTES", "2048", c -> c.getHttp().getMaxBodyBytes(), 2048L);
        check("HTTP_MAX_BATCH_BODY_BYTES", "4096", c -> c.getHttp().getMaxBatchBodyBytes(), 4096L);
        check(
                "CORS_ORIGINS",
                "https://comp.example.com,https://*.example.org",
                c -> c.getHttp().getCorsOrigins(),
                List.of("https://comp.example.com", "https://*.example.org"));
        check("RATE_LIMIT_ENABLED", "false", c -> c.getHttp().isRateLimitEnabled(), false);
        check("RATE_LIMIT_VIEWER", "7", c -> c.getHttp().getRateLimitPerMinute().get(Role.VIEWER), 7);
        check(
                "RATE_LIMIT_HR_ANALYST",
                "11",
                c -> c.getHttp().getRateLimitPerMinute().get(Role.HR_ANALYST),
                11);
        check(
                "RATE_LIMIT_HR_MANAGER",
                "13",
                c -> c.getHttp().getRateLimitPerMinute().get(Role.HR_MANAGER),
                13);
        check("RATE_LIMIT_ADMIN", "17", c -> c.getHttp().getRateLimitPerMinute().get(Role.ADMIN), 17);
        check("RATE_LIMIT_ANONYMOUS", "1000000000", c -> c.getHttp().getAnonymousRateLimitPerMinute(), 1_000_000_000);
        // database
        // employee pay
        check(
                "EMPLOYEE_ID_KEY",
                "a #key: \"with\" syntax",
                c -> c.getEmployees().getIdKey(),
                "a #key: \"with\" syntax");
        check("DB_DRIVER", "org.postgresql.Driver", c -> c.getDatabase().getDriverClass(), "org.postgresql.Driver");
        check(
                "DB_URL",
                "jdbc:postgresql://db:5432/pay",
                c -> c.getDatabase().getUrl(),
                "jdbc:postgresql://db:5432/pay");
        check("DB_USER", "pay", c -> c.getDatabase().getUser(), "pay");
        check("DB_PASSWORD", "%s3cret&[x]{y}${HOME}", c -> c.getDatabase().getPassword(), "%s3cret&[x]{y}${HOME}");
        check("DB_POOL_MAX", "40", c -> c.getDatabase().getMaxSize(), 40);
        check("DB_SLOW_QUERY_THRESHOLD", "750ms", c -> c.getSlowQueryThreshold().toMillis(), 750L);
        // rules and plugins
        check("RULES_DIR", "/srv/rules", c -> c.getRules().getDirectory(), "/srv/rules");
        check("RULES_POLL_INTERVAL", "5s", c -> c.getRules().getPollInterval().toSeconds(), 5L);
        check("RULES_WATCH", "false", c -> c.getRules().isWatch(), false);
        check("RULES_CACHE_DIR", "/var/cache/rules", c -> c.getRules().getCacheDirectory(), "/var/cache/rules");
        check("PLUGINS_DIR", "/srv/plugins", c -> c.getPlugins().getDirectory(), "/srv/plugins");
        check("PLUGINS_REFRESH_ON_STARTUP", "false", c -> c.getPlugins().isRefreshOnStartup(), false);
        check(
                "PLUGINS_FETCH_TIMEOUT",
                "90s",
                c -> c.getPlugins().getFetchTimeout().toSeconds(),
                90L);
        check("PLUGINS_HTTP_MAX_ATTEMPTS", "3", c -> c.getPlugins().getHttpMaxAttempts(), 3);
        check(
                "PLUGINS_HTTP_FIRST_DELAY",
                "250ms",
                c -> c.getPlugins().getHttpFirstDelay().toMillis(),
                250L);
        check(
                "PLUGINS_HTTP_MAX_DELAY",
                "20s",
                c -> c.getPlugins().getHttpMaxDelay().toSeconds(),
                20L);
        check(
                "MARKET_DATA_STALE_AFTER",
                "30 days",
                c -> c.getPlugins().getStaleAfter().toDays(),
                30L);
        // plugin settings reach each plugin as its own map (PluginContext settings), keyed by plugin id
        plugin("JOB_POSTINGS_BASE_URL", "job-postings", "baseUrl", "https://postings.example.com/v1");
        plugin("JOB_POSTINGS_API_KEY", "job-postings", "apiKey", "key-123");
        plugin("JOB_POSTINGS_LOOKBACK_MONTHS", "job-postings", "lookbackMonths", "6");
        plugin("JOB_POSTINGS_MIN_POSTINGS", "job-postings", "minPostings", "9");
        plugin("HRIS_PAYROLL_FILE", "hris-payroll", "file", "/data/payroll.csv");
        plugin("HRIS_PAYROLL_DIR", "hris-payroll", "directory", "/data/payroll");
        plugin("HRIS_PAYROLL_JOB_CODE_MAP", "hris-payroll", "jobCodeMap", "/data/job-codes.csv");
        plugin("HRIS_PAYROLL_MIN_GROUP_SIZE", "hris-payroll", "minGroupSize", "5");
        check(
                "SURVEY_CSV_SCHEDULE",
                "*/5 * * * *",
                c -> c.getPlugins().getSchedules().get("survey-csv"),
                "*/5 * * * *");
        check("BLS_OEWS_SCHEDULE", "", c -> c.getPlugins().getSchedules().get("bls-oews"), "");
        check(
                "JOB_POSTINGS_SCHEDULE",
                "0 3 1 * *",
                c -> c.getPlugins().getSchedules().get("job-postings"),
                "0 3 1 * *");
        check(
                "HRIS_PAYROLL_SCHEDULE",
                "30 1 * * *",
                c -> c.getPlugins().getSchedules().get("hris-payroll"),
                "30 1 * * *");
        plugin("BLS_OEWS_EFFECTIVE_DATE", "bls-oews", "effectiveDate", "2026-05-01");
        plugin("BLS_OEWS_AREAS", "bls-oews", "areas", "national");
        plugin("SURVEY_CSV_DIR", "survey-csv", "directory", "/data/surveys");
        plugin("LLM_BASE_URL", "llm-enricher", "baseUrl", "http://localhost:11434/v1");
        plugin("LLM_MODEL", "llm-enricher", "model", "llama3.1");
        plugin("LLM_API_KEY", "llm-enricher", "apiKey", "sk-test");
        plugin("LLM_TIMEOUT_SECONDS", "llm-enricher", "timeoutSeconds", "45");
        plugin("LLM_MAX_RETRIES", "llm-enricher", "maxRetries", "0");
        check("AI_MIN_CONFIDENCE", "0.55", c -> c.getAi().getMinConfidence(), 0.55);
        check("AI_RANK_TIMEOUT", "3s", c -> c.getAi().getRankTimeout(), java.time.Duration.ofSeconds(3));
        plugin("LLM_RERANK", "llm-enricher", "rerank", "true");
        // operations (SENTRY_DSN from the environment itself is also read when config.yml leaves it out)
        check(
                "SENTRY_DSN",
                "https://key@sentry.example.com/1",
                JobPricingConfiguration::getSentryDsn,
                "https://key@sentry.example.com/1");
        check(
                "LOG_TEXT_THRESHOLD",
                "OFF",
                c -> List.of(logThreshold(c, 0), accessLogThreshold(c, 0)),
                List.of("OFF", "OFF"));
        check(
                "LOG_JSON_THRESHOLD",
                "INFO",
                c -> List.of(logThreshold(c, 1), accessLogThreshold(c, 1)),
                List.of("INFO", "INFO"));
    }

    /** Read only by docker compose (the PostgreSQL container and the server's DB_PASSWORD). */
    static final List<String> DOCKER_ONLY = List.of("POSTGRES_PASSWORD");

    /**
     * Set for the server container by docker-compose.yml or the Dockerfile whatever .env says, because
     * .env.example's values are those of a local run: the reasons, per variable.
     */
    static final Map<String, String> SET_FOR_THE_CONTAINER = Map.ofEntries(
            Map.entry("JOBPRICING_ENV", "compose runs production"),
            Map.entry("BIND_HOST", "the container listens beyond its loopback (Dockerfile)"),
            Map.entry("ADMIN_BIND_HOST", "the container listens beyond its loopback (Dockerfile)"),
            Map.entry("PORT", "the port compose publishes; change the host side under ports"),
            Map.entry("ADMIN_PORT", "the port compose publishes; change the host side under ports"),
            Map.entry("DB_DRIVER", "the compose PostgreSQL"),
            Map.entry("DB_URL", "the compose PostgreSQL"),
            Map.entry("DB_USER", "the compose PostgreSQL"),
            Map.entry("DB_PASSWORD", "POSTGRES_PASSWORD, shared with the PostgreSQL container"),
            Map.entry("RULES_DIR", "a path inside the image (Dockerfile)"),
            Map.entry("PLUGINS_DIR", "a path inside the image (Dockerfile)"),
            Map.entry("SURVEY_CSV_DIR", "a volume inside the image (Dockerfile)"),
            Map.entry("LOG_TEXT_THRESHOLD", "compose logs JSON lines"),
            Map.entry("LOG_JSON_THRESHOLD", "compose logs JSON lines"));

    /** .env.example's variables and defaults, read as docker compose reads a .env: up to a '#', trimmed. */
    static Map<String, String> envExample() throws IOException {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String line : Files.readAllLines(ROOT.resolve(".env.example"))) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            String value = line.substring(equals + 1);
            int comment = value.indexOf('#');
            variables.put(
                    line.substring(0, equals).strip(), (comment < 0 ? value : value.substring(0, comment)).strip());
        }
        return variables;
    }

    /** config.yml parsed as the server parses it, with {@code env} as the whole environment. */
    static JobPricingConfiguration load(Map<String, String> env) throws Exception {
        YamlConfigurationFactory<JobPricingConfiguration> factory = new YamlConfigurationFactory<>(
                JobPricingConfiguration.class,
                Validators.newValidator(),
                Jackson.newObjectMapper(),
                "environment-variables-test");
        return factory.build(
                new SubstitutingSourceProvider(new FileConfigurationSourceProvider(), new ConfigSubstitutor(env::get)),
                CONFIG.toString());
    }

    static Stream<Arguments> checks() {
        return CHECKS.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @Test
    void everyVariableOfEnvExampleIsChecked() throws Exception {
        Map<String, String> variables = envExample();

        assertThat(variables).hasSizeGreaterThan(60);
        assertThat(variables.values()).as("a '#' would end a value in a .env").noneMatch(v -> v.contains("#"));
        assertThat(Stream.concat(CHECKS.keySet().stream(), DOCKER_ONLY.stream()))
                .containsExactlyInAnyOrderElementsOf(variables.keySet());
    }

    @Test
    void configYmlReadsEveryVariableWithTheDefaultOfEnvExample() throws Exception {
        String yaml = Files.readString(CONFIG);
        Map<String, String> variables = envExample();
        for (String variable : CHECKS.keySet()) {
            Matcher uses = Pattern.compile("\\$\\{" + variable + ":-([^}]*)}").matcher(yaml);
            assertThat(uses.find())
                    .as("config.yml reads ${%s:-default}", variable)
                    .isTrue();
            do {
                assertThat(uses.group(1)).as("default of %s", variable).isEqualTo(variables.get(variable));
            } while (uses.find());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void aValueOtherThanTheDefaultReachesTheConfiguration(String variable, Check check) throws Exception {
        assertThat(check.read().apply(load(Map.of())))
                .as("%s's default differs from the test value", variable)
                .isNotEqualTo(check.expected());

        assertThat(check.read().apply(load(Map.of(variable, check.value())))).isEqualTo(check.expected());
    }

    @Test
    void dockerComposeHandsEveryVariableToTheServerOrSetsItForTheContainer() throws Exception {
        JsonNode compose =
                new YAMLMapper().readTree(ROOT.resolve("docker-compose.yml").toFile());
        JsonNode server = compose.at("/services/server/environment");
        Map<String, String> variables = envExample();
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));

        for (String variable : CHECKS.keySet()) {
            if (SET_FOR_THE_CONTAINER.containsKey(variable)) {
                assertThat(server.has(variable)
                                || Pattern.compile("\\b" + variable + "=")
                                        .matcher(dockerfile)
                                        .find())
                        .as("%s is set for the container (%s)", variable, SET_FOR_THE_CONTAINER.get(variable))
                        .isTrue();
                continue;
            }
            assertThat(server.has(variable))
                    .as("compose hands %s to the server", variable)
                    .isTrue();
            String value = server.get(variable).asText();
            String fromEnv = variables.get(variable).isEmpty() && variable.equals("JWT_SECRET")
                    ? "${JWT_SECRET:?"
                    : "${" + variable + ":-" + variables.get(variable) + "}";
            assertThat(value)
                    .as("compose passes %s with .env.example's default", variable)
                    .startsWith(fromEnv);
        }
    }

    @Test
    void thePostgresPasswordGoesToThePostgresContainerAndTheServersDbPassword() throws Exception {
        JsonNode compose =
                new YAMLMapper().readTree(ROOT.resolve("docker-compose.yml").toFile());
        String expected = "${POSTGRES_PASSWORD:-" + envExample().get("POSTGRES_PASSWORD") + "}";

        assertThat(compose.at("/services/postgres/environment/POSTGRES_PASSWORD")
                        .asText())
                .isEqualTo(expected);
        assertThat(compose.at("/services/server/environment/DB_PASSWORD").asText())
                .isEqualTo(expected);
        assertThat(Files.readString(CONFIG)).doesNotContain("POSTGRES_PASSWORD");
    }
}
