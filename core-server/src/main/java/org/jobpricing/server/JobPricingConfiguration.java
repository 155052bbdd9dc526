package org.jobpricing.server;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jobpricing.server.config.AiSettings;
import org.jobpricing.server.config.AuthSettings;
import org.jobpricing.server.config.EmployeeSettings;
import org.jobpricing.server.config.HttpSettings;
import org.jobpricing.server.config.Mode;
import org.jobpricing.server.config.PluginSettings;
import org.jobpricing.server.config.RulesSettings;

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

    public HttpSettings getHttp() {
        return http;
    }

    public Mode getEnvironment() {
        return environment;
    }

    public AuthSettings getAuth() {
        return auth;
    }

    public DataSourceFactory getDatabase() {
        return database;
    }

    /** Statements slower than this are logged at WARN and counted in db_slow_queries_total. */
    @NotNull
    @JsonProperty
    private Duration slowQueryThreshold = Duration.milliseconds(200);

    public java.time.Duration getSlowQueryThreshold() {
        return slowQueryThreshold.toJavaDuration();
    }

    public RulesSettings getRules() {
        return rules;
    }

    public PluginSettings getPlugins() {
        return plugins;
    }
}
