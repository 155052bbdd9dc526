package org.jobpricing.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** Where the rule files are read from. */
public class RulesSettings {
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

    /**
     * Where compiled rule sets are kept so a later start loads instead of compiling them (see
     * {@code CompiledRuleCache}); blank: no cache.
     */
    @JsonProperty
    private String cacheDirectory = "data/rule-cache";

    public String getDirectory() {
        return directory;
    }

    public java.time.Duration getPollInterval() {
        return pollInterval.toJavaDuration();
    }

    public boolean isWatch() {
        return watch;
    }

    public String getCacheDirectory() {
        return cacheDirectory;
    }
}
