package org.jobpricing.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.HashMap;
import java.util.Map;

/** PF4J plugins: where the jars are and each plugin's configuration. */
public class PluginSettings {
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

    public java.time.Duration getFetchTimeout() {
        return fetchTimeout.toJavaDuration();
    }

    public Map<String, Map<String, String>> getConfig() {
        return config;
    }

    public Map<String, String> getSchedules() {
        return schedules;
    }

    public java.time.Duration getSchedulerTick() {
        return schedulerTick.toJavaDuration();
    }

    public java.time.Duration getStaleAfter() {
        return staleAfter.toJavaDuration();
    }

    public int getHttpMaxAttempts() {
        return httpMaxAttempts;
    }

    public java.time.Duration getHttpFirstDelay() {
        return httpFirstDelay.toJavaDuration();
    }

    public java.time.Duration getHttpMaxDelay() {
        return httpMaxDelay.toJavaDuration();
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
