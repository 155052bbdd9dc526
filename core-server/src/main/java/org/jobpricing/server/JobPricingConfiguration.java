package org.jobpricing.server;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.HashMap;
import java.util.Map;

/** The server's configuration (config.yml, with ${ENV_VAR:-default} substitution). */
public class JobPricingConfiguration extends Configuration {

    @Valid
    @NotNull
    @JsonProperty
    private DataSourceFactory database = new DataSourceFactory();

    @Valid
    @NotNull
    @JsonProperty
    private RulesSettings rules = new RulesSettings();

    @Valid
    @NotNull
    @JsonProperty
    private PluginSettings plugins = new PluginSettings();

    /** development: a missing JWT secret is replaced by a random per-start key; production refuses to start. */
    @NotNull
    @JsonProperty
    private Mode environment = Mode.DEVELOPMENT;

    @Valid
    @NotNull
    @JsonProperty
    private AuthSettings auth = new AuthSettings();

    @Valid
    @NotNull
    @JsonProperty
    private HttpSettings http = new HttpSettings();

    /** Sentry DSN (SENTRY_DSN); unexpected errors are sent there when set. */
    @JsonProperty
    private String sentryDsn = "";

    public String getSentryDsn() {
        return sentryDsn;
    }

    @Valid
    @NotNull
    @JsonProperty
    private AiSettings ai = new AiSettings();

    public AiSettings getAi() {
        return ai;
    }

    @Valid
    @NotNull
    @JsonProperty
    private EmployeeSettings employees = new EmployeeSettings();

    public EmployeeSettings getEmployees() {
        return employees;
    }

    /** Employee pay data. */
    public static class EmployeeSettings {
        /** With a key, employee ids are stored only as their HMAC-SHA256 under it (EMPLOYEE_ID_KEY). */
        @JsonProperty
        private String idKey = "";

        public String getIdKey() {
            return idKey;
        }
    }

    /** AI enrichment of pricing requests. */
    public static class AiSettings {
        /** An inferred occupation below this confidence is used but flagged with a warning. */
        @jakarta.validation.constraints.DecimalMin("0")
        @jakarta.validation.constraints.DecimalMax("1")
        @JsonProperty
        private double minConfidence = 0.7;

        /** The longest a quote waits for an occupation ranker (language model) before keeping the offline order. */
        @NotNull
        @JsonProperty
        private io.dropwizard.util.Duration rankTimeout = io.dropwizard.util.Duration.seconds(10);

        public double getMinConfidence() {
            return minConfidence;
        }

        public java.time.Duration getRankTimeout() {
            return java.time.Duration.ofMillis(rankTimeout.toMilliseconds());
        }
    }

    public HttpSettings getHttp() {
        return http;
    }

    public Mode getEnvironment() {
        return environment;
    }

    public AuthSettings getAuth() {
        return auth;
    }

    /** Deployment mode. */
    public enum Mode {
        DEVELOPMENT,
        PRODUCTION;

        @com.fasterxml.jackson.annotation.JsonCreator
        public static Mode of(String value) {
            return Mode.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
        }
    }

    public DataSourceFactory getDatabase() {
        return database;
    }

    /** Statements slower than this are logged at WARN and counted in db_slow_queries_total. */
    @NotNull
    @JsonProperty
    private Duration slowQueryThreshold = Duration.milliseconds(200);

    public Duration getSlowQueryThreshold() {
        return slowQueryThreshold;
    }

    public RulesSettings getRules() {
        return rules;
    }

    public PluginSettings getPlugins() {
        return plugins;
    }

    /** Request limits, CORS and rate limits of the API. */
    public static class HttpSettings {
        /** Largest request body accepted (413 above it). */
        @jakarta.validation.constraints.Min(1024)
        @JsonProperty
        private long maxBodyBytes = 10L * 1024 * 1024;

        /** Largest batch-pricing body (up to 100,000 requests). */
        @jakarta.validation.constraints.Min(1024)
        @JsonProperty
        private long maxBatchBodyBytes = 64L * 1024 * 1024;

        public long getMaxBatchBodyBytes() {
            return maxBatchBodyBytes;
        }

        /** Browser origins allowed to call the API (exact origins or patterns like https://*.example.com). */
        @NotNull
        @JsonProperty
        private java.util.List<String> corsOrigins = new java.util.ArrayList<>();

        @JsonProperty
        private boolean corsAllowCredentials = true;

        @JsonProperty
        private boolean rateLimitEnabled = true;

        /** Requests per minute per signed-in user, by role. */
        @NotNull
        @JsonProperty
        private Map<org.jobpricing.server.auth.Role, Integer> rateLimitPerMinute = new java.util.EnumMap<>(Map.of(
                org.jobpricing.server.auth.Role.VIEWER,
                60,
                org.jobpricing.server.auth.Role.HR_ANALYST,
                300,
                org.jobpricing.server.auth.Role.HR_MANAGER,
                600,
                org.jobpricing.server.auth.Role.ADMIN,
                1200));

        /** Requests per minute per client IP on routes used without a token (login, refresh). */
        @jakarta.validation.constraints.Min(1)
        @JsonProperty
        private int anonymousRateLimitPerMinute = 30;

        public long getMaxBodyBytes() {
            return maxBodyBytes;
        }

        /** The configured origins; entries may hold several, comma-separated (from CORS_ORIGINS). */
        public java.util.List<String> getCorsOrigins() {
            return corsOrigins.stream()
                    .flatMap(o -> java.util.Arrays.stream(o.split(",")))
                    .map(String::strip)
                    .filter(o -> !o.isEmpty())
                    .toList();
        }

        public boolean isCorsAllowCredentials() {
            return corsAllowCredentials;
        }

        public boolean isRateLimitEnabled() {
            return rateLimitEnabled;
        }

        public Map<org.jobpricing.server.auth.Role, Integer> getRateLimitPerMinute() {
            return rateLimitPerMinute;
        }

        public int getAnonymousRateLimitPerMinute() {
            return anonymousRateLimitPerMinute;
        }
    }

    /** Tokens, passwords, lockout and the first admin. */
    public static class AuthSettings {
        /** Signing secret of access tokens (JWT_SECRET), at least 32 bytes. */
        @JsonProperty
        private String jwtSecret = "";

        @NotBlank
        @JsonProperty
        private String jwtKeyId = "primary";

        /** Retired keys still accepted for verification: kid → secret. */
        @NotNull
        @JsonProperty
        private Map<String, String> previousKeys = new java.util.LinkedHashMap<>();

        @NotBlank
        @JsonProperty
        private String issuer = "job-pricing";

        @NotBlank
        @JsonProperty
        private String audience = "job-pricing-api";

        @NotNull
        @JsonProperty
        private Duration accessTokenTtl = Duration.minutes(15);

        @NotNull
        @JsonProperty
        private Duration refreshTokenTtl = Duration.days(7);

        /** bcrypt cost; 12 or more in production (tests use less to stay fast). */
        @jakarta.validation.constraints.Min(4)
        @jakarta.validation.constraints.Max(16)
        @JsonProperty
        private int bcryptCost = 12;

        @JsonProperty
        private boolean registrationEnabled;

        @JsonProperty
        private String adminEmail = "";

        @JsonProperty
        private String adminPassword = "";

        @jakarta.validation.constraints.Min(1)
        @JsonProperty
        private int maxFailedLogins = 5;

        @NotNull
        @JsonProperty
        private Duration failedLoginWindow = Duration.minutes(15);

        @NotNull
        @JsonProperty
        private Duration lockout = Duration.minutes(15);

        @NotNull
        @JsonProperty
        private Duration emailVerificationTtl = Duration.hours(24);

        public String getJwtSecret() {
            return jwtSecret;
        }

        public String getJwtKeyId() {
            return jwtKeyId;
        }

        public Map<String, String> getPreviousKeys() {
            return previousKeys;
        }

        public String getIssuer() {
            return issuer;
        }

        public String getAudience() {
            return audience;
        }

        public Duration getAccessTokenTtl() {
            return accessTokenTtl;
        }

        public Duration getRefreshTokenTtl() {
            return refreshTokenTtl;
        }

        public int getBcryptCost() {
            return bcryptCost;
        }

        public boolean isRegistrationEnabled() {
            return registrationEnabled;
        }

        public String getAdminEmail() {
            return adminEmail;
        }

        public String getAdminPassword() {
            return adminPassword;
        }

        public int getMaxFailedLogins() {
            return maxFailedLogins;
        }

        public Duration getFailedLoginWindow() {
            return failedLoginWindow;
        }

        public Duration getLockout() {
            return lockout;
        }

        public Duration getEmailVerificationTtl() {
            return emailVerificationTtl;
        }
    }

    /** Where the rule files are read from. */
    public static class RulesSettings {
        /** Directory of the rule files; when it does not exist the rules bundled in the jar are used. */
        @NotBlank
        @JsonProperty
        private String directory = "rules";

        /** How often each server checks the database for a newly published version. */
        @NotNull
        @JsonProperty
        private Duration pollInterval = Duration.seconds(2);

        /** Development only: publish edits of the rules directory as they are saved. */
        @JsonProperty
        private boolean watch = true;

        public String getDirectory() {
            return directory;
        }

        public Duration getPollInterval() {
            return pollInterval;
        }

        public boolean isWatch() {
            return watch;
        }
    }

    /** PF4J plugins: where the jars are and each plugin's configuration. */
    public static class PluginSettings {
        @NotBlank
        @JsonProperty
        private String directory = "plugins";

        @JsonProperty
        private boolean refreshOnStartup = true;

        @NotNull
        @JsonProperty
        private Duration fetchTimeout = Duration.seconds(60);

        /** Per market-data source name, a cron expression in UTC (5 fields, or 6 with seconds first). */
        @NotNull
        @JsonProperty
        private Map<String, String> schedules = new HashMap<>();

        /** How often each server looks for due schedules and follows plugin on/off switches. */
        @NotNull
        @JsonProperty
        private Duration schedulerTick = Duration.seconds(1);

        /** The HTTP client lent to plugins: attempts per request (429, 5xx and connection failures are retried). */
        @Min(1)
        @JsonProperty
        private int httpMaxAttempts = 5;

        /** First wait between attempts (doubling), and the longest wait, asked by Retry-After or computed. */
        @NotNull
        @JsonProperty
        private Duration httpFirstDelay = Duration.seconds(1);

        @NotNull
        @JsonProperty
        private Duration httpMaxDelay = Duration.seconds(60);

        /** Quotes warn when they used market data loaded longer ago than this. */
        @NotNull
        @JsonProperty
        private Duration staleAfter = Duration.days(90);

        /** Per plugin id, its settings (e.g. survey-csv: {directory: data/surveys}). */
        @NotNull
        @JsonProperty
        private Map<String, Map<String, String>> config = new HashMap<>();

        public String getDirectory() {
            return directory;
        }

        public boolean isRefreshOnStartup() {
            return refreshOnStartup;
        }

        public Duration getFetchTimeout() {
            return fetchTimeout;
        }

        public Map<String, Map<String, String>> getConfig() {
            return config;
        }

        public Map<String, String> getSchedules() {
            return schedules;
        }

        public Duration getSchedulerTick() {
            return schedulerTick;
        }

        public Duration getStaleAfter() {
            return staleAfter;
        }

        public int getHttpMaxAttempts() {
            return httpMaxAttempts;
        }

        public Duration getHttpFirstDelay() {
            return httpFirstDelay;
        }

        public Duration getHttpMaxDelay() {
            return httpMaxDelay;
        }

        /** The HTTP client plugins get through their context. */
        public org.jobpricing.plugin.api.PluginHttp pluginHttp() {
            return org.jobpricing.plugin.api.PluginHttp.builder()
                    .maxAttempts(httpMaxAttempts)
                    .delays(
                            java.time.Duration.ofMillis(httpFirstDelay.toMilliseconds()),
                            java.time.Duration.ofMillis(httpMaxDelay.toMilliseconds()))
                    .build();
        }
    }
}
