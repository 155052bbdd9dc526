package org.jobpricing.plugin.api;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * A source of market observations: a salary survey, government statistics, job postings or an HRIS
 * export (plugin API v1, modelled on a connector protocol: spec, check, read with state).
 *
 * <ul>
 *   <li>{@link #description()} and {@link #configSchema()} describe the source and its settings; the host
 *       validates the configuration against the schema before every call and lists problems;</li>
 *   <li>{@link #check} tests the connection and answers in words;</li>
 *   <li>{@link #fetch} reads observations from the cursor the host stored after the last successful run
 *       and returns the next cursor.</li>
 * </ul>
 * The host calls every method with a timeout, checks every row with {@link ObservationChecks} and
 * stores a run's valid rows and its cursor in one transaction: a failing source never takes the others
 * down and never leaves half a run behind. Implementations must be thread-safe and keep no state
 * between calls other than what the cursor carries.
 */
public interface MarketDataSource extends ExtensionPoint {

    /** Version of this API; a plugin's {@code Plugin-Requires} must accept it. */
    String API_VERSION = "1.1.0";

    /** A short, stable name for logs, schedules and job history, e.g. {@code bls-oews}. */
    String name();

    /** One sentence for people: what this source reads. */
    String description();

    /** The kind of data this source provides. */
    SourceType type();

    /** The settings this source reads from its configuration; empty when it needs none. */
    default List<ConfigField> configSchema() {
        return List.of();
    }

    /**
     * The settings this configuration lacks for the source to run at all: a source with any is "not
     * configured" (skipped by refreshes and schedules, not failed). The default lists the required
     * fields of {@link #configSchema()} left unset; override when settings are alternatives (e.g.
     * "file or directory").
     */
    default List<String> missingSettings(java.util.Map<String, String> config) {
        return ConfigField.missing(configSchema(), config);
    }

    /**
     * Tests whether the source can be read with this configuration (files present, API reachable and
     * accepting the key). The default validates the configuration against {@link #configSchema()}.
     */
    default CheckResult check(PluginContext context) throws Exception {
        List<Problem> problems = ConfigField.validate(configSchema(), context.config());
        return problems.isEmpty()
                ? CheckResult.ok("configuration valid")
                : CheckResult.failed("configuration invalid", problems);
    }

    /**
     * Reads observations. {@code cursor} is the {@link FetchResult#nextCursor()} of the last successful
     * run, or {@code null} on the first run (read everything). Throw when the source cannot be read.
     */
    FetchResult fetch(PluginContext context, String cursor) throws Exception;
}
