package org.jobpricing.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;

/** AI enrichment of pricing requests. */
public class AiSettings {
    /** An inferred occupation below this confidence is used but flagged with a warning. */
    @jakarta.validation.constraints.DecimalMin("0")
    @jakarta.validation.constraints.DecimalMax("1")
    @JsonProperty
    private double minConfidence = 0.7;

    /** The longest a quote waits for an occupation ranker (language model) before keeping the offline order. */
    @NotNull
    @JsonProperty
    private io.dropwizard.util.Duration rankTimeout = io.dropwizard.util.Duration.seconds(10);

    public double getMinConfidence() {
        return minConfidence;
    }

    public java.time.Duration getRankTimeout() {
        return java.time.Duration.ofMillis(rankTimeout.toMilliseconds());
    }
}
