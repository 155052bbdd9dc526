package org.jobpricing.server.http;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** The product's own metrics: quotes, rule evaluation, rules fired, plugin refreshes. */
public final class BusinessMetrics {

    private final Counter quotes;
    private final Histogram ruleEvaluation;
    private final Counter rulesFired;
    private final Counter pluginRefreshes;
    private final Gauge pluginLastSuccess;

    public BusinessMetrics(PrometheusRegistry registry) {
        quotes = Counter.builder().name("quotes_total").help("Quotes priced and stored").register(registry);
        ruleEvaluation = Histogram.builder().name("rule_evaluation_seconds").help("Time to evaluate the rules of one quote")
                .register(registry);
        rulesFired = Counter.builder().name("rules_fired_total").help("Rules fired while pricing").register(registry);
        pluginRefreshes = Counter.builder().name("plugin_refresh_total").help("Market-data refreshes by source and outcome")
                .labelNames("plugin", "source", "outcome").register(registry);
        pluginLastSuccess = Gauge.builder().name("plugin_last_success_timestamp_seconds")
                .help("Unix time of each source's last successful refresh").labelNames("plugin", "source")
                .register(registry);
    }

    public void quotePriced(double evaluationSeconds, int rules) {
        quotes.inc();
        ruleEvaluation.observe(evaluationSeconds);
        rulesFired.inc(rules);
    }

    public void refreshed(String plugin, String source, String outcome, long epochSeconds) {
        pluginRefreshes.labelValues(plugin, source, outcome).inc();
        if (!"FAILED".equals(outcome)) {
            pluginLastSuccess.labelValues(plugin, source).set(epochSeconds);
        }
    }
}
