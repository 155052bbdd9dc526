package org.jobpricing.server.metrics;

/** What pricing reports to the metrics: one quote priced, its rules' time and the steps they took. */
@FunctionalInterface
public interface PricingMetrics {

    PricingMetrics NONE = (seconds, steps) -> {};

    void quotePriced(double evaluationSeconds, int steps);
}
