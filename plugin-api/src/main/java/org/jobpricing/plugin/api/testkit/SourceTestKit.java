package org.jobpricing.plugin.api.testkit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jobpricing.plugin.api.CheckResult;
import org.jobpricing.plugin.api.ConfigField;
import org.jobpricing.plugin.api.FetchResult;
import org.jobpricing.plugin.api.MarketDataSource;
import org.jobpricing.plugin.api.MarketObservation;
import org.jobpricing.plugin.api.ObservationChecks;
import org.jobpricing.plugin.api.PluginContext;
import org.jobpricing.plugin.api.Problem;

/**
 * Runs a market-data source the way the host does - configuration validated against its schema,
 * check, fetch from a cursor, every row through {@link ObservationChecks} with the clock's date - so a
 * plugin's own tests see exactly what the server would store and reject. Independent of any test
 * framework: {@link Run#assertAllValid()} throws {@link AssertionError} listing every problem.
 */
public final class SourceTestKit {

    private final MarketDataSource source;
    private final PluginContext context;

    private SourceTestKit(MarketDataSource source, PluginContext context) {
        this.source = source;
        this.context = context;
    }

    /** A kit for a source with this configuration and clock (default HTTP client). */
    public static SourceTestKit of(MarketDataSource source, Map<String, String> config, Clock clock) {
        return new SourceTestKit(source, PluginContext.of("test-" + source.name(), config, clock));
    }

    /** A kit for a source with a context of your own (e.g. an HTTP client with short retry delays). */
    public static SourceTestKit of(MarketDataSource source, PluginContext context) {
        return new SourceTestKit(source, context);
    }

    /** Configuration problems against the source's schema; empty when valid. */
    public List<Problem> configProblems() {
        return ConfigField.validate(source.configSchema(), context.config());
    }

    /** The source's connection test. */
    public CheckResult check() throws Exception {
        return source.check(context);
    }

    /** A first run (no cursor). */
    public Run fetch() throws Exception {
        return fetch(null);
    }

    /** A run from a cursor, checked row by row as the host checks it. */
    public Run fetch(String cursor) throws Exception {
        FetchResult result = source.fetch(context, cursor);
        ObservationChecks.Checked checked =
                ObservationChecks.checkRows(result.observations(), LocalDate.now(context.clock()));
        return new Run(checked.valid(), checked.rejected(), result.warnings(), result.nextCursor());
    }

    /**
     * One fetch as the host would see it: the rows it would store, the rows it would reject (the
     * problem's line is the row's 1-based position in the answer), the source's warnings and its cursor.
     */
    public record Run(
            List<MarketObservation> valid, List<Problem> rejected, List<Problem> warnings, String nextCursor) {

        /** Throws when any row would be rejected, listing the first 20 problems. */
        public Run assertAllValid() {
            if (!rejected.isEmpty()) {
                StringBuilder message = new StringBuilder(rejected.size() + " row problem(s):");
                rejected.stream()
                        .limit(20)
                        .forEach(p -> message.append("\n  ")
                                .append(p.column())
                                .append(", ")
                                .append(p.message()));
                throw new AssertionError(message.toString());
            }
            return this;
        }
    }
}
