package org.jobpricing.server.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import java.util.function.Supplier;

/** The product's own metrics: quotes, rule evaluation, rules fired, plugin refreshes. */
public final class BusinessMetrics implements PricingMetrics {

    private final Counter quotes;
    private final Histogram ruleEvaluation;
    private final Counter rulesFired;
    private final Counter pluginRefreshes;
    private final PrometheusRegistry registry;

    public BusinessMetrics(PrometheusRegistry registry) {
        quotes = Counter.builder()
                .name("quotes_total")
                .help("Quotes priced and stored")
                .register(registry);
        ruleEvaluation = Histogram.builder()
                .name("rule_evaluation_seconds")
                .help("Time to evaluate the rules of one quote")
                .register(registry);
        rulesFired = Counter.builder()
                .name("rules_fired_total")
                .help("Rules fired while pricing")
                .register(registry);
        pluginRefreshes = Counter.builder()
                .name("plugin_refresh_total")
                .help("Market-data refreshes by source and outcome")
                .labelNames("plugin", "source", "outcome")
                .register(registry);
        this.registry = registry;
    }

    /** One source's last successful run, as stored in the database (shared by every server). */
    public record LastSuccess(String plugin, String source, long epochSeconds) {}

    /**
     * Exposes each source's last successful refresh, read from the database at scrape time, so every
     * server reports the runs of all servers.
     */
    public void lastSuccessFrom(Supplier<List<LastSuccess>> lastSuccesses) {
        GaugeWithCallback.builder()
                .name("plugin_last_success_timestamp_seconds")
                .help("Unix time of each source's last successful refresh (any server)")
                .labelNames("plugin", "source")
                .callback(cb -> lastSuccesses.get().forEach(s -> cb.call(s.epochSeconds(), s.plugin(), s.source())))
                .register(registry);
    }

    @Override
    public void quotePriced(double evaluationSeconds, int rules) {
        quotes.inc();
        ruleEvaluation.observe(evaluationSeconds);
        rulesFired.inc(rules);
    }

    public void refreshed(String plugin, String source, String outcome) {
        pluginRefreshes.labelValues(plugin, source, outcome).inc();
    }
}
