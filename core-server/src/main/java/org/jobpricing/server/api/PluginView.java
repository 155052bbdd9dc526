package org.jobpricing.server.api;

import java.time.Instant;
import java.util.List;
import org.jobpricing.plugin.api.ConfigField;
import org.jobpricing.plugin.api.Problem;

/**
 * A plugin found in the plugins directory: what it is, the API range it needs and the one this server
 * provides, whether it is turned on and running, its health, and what it provides.
 * Health: {@code HEALTHY}, {@code UNHEALTHY} (a source's last run failed or rejected rows, or its
 * configuration is invalid), {@code FAILED} (could not start), {@code OFF} (turned off).
 */
public record PluginView(
        String id,
        String version,
        String requires,
        String apiVersion,
        String provider,
        boolean enabled,
        String state,
        String health,
        String problem,
        List<SourceView> sources,
        List<String> enrichers,
        List<String> writers,
        List<String> rankers) {

    /** A market-data source of a plugin: its description, settings, schedule and last run. */
    public record SourceView(
            String name,
            String description,
            String type,
            List<ConfigField> configSchema,
            List<Problem> configProblems,
            String schedule,
            Instant nextRun,
            Instant lastSuccessAt,
            String cursor,
            MarketDataJobView lastRun) {}
}
