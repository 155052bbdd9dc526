package org.jobpricing.server;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
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

    public DataSourceFactory getDatabase() {
        return database;
    }

    public RulesSettings getRules() {
        return rules;
    }

    public PluginSettings getPlugins() {
        return plugins;
    }

    /** Where the rule files are read from. */
    public static class RulesSettings {
        /** Directory of the rule files; when it does not exist the rules bundled in the jar are used. */
        @NotBlank
        @JsonProperty
        private String directory = "rules";

        public String getDirectory() {
            return directory;
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
    }
}
