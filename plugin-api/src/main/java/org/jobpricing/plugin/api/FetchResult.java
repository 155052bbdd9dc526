package org.jobpricing.plugin.api;

import java.util.List;

/** What a fetch returns: observations (checked again by the host) and human-readable warnings. */
public record FetchResult(List<MarketObservation> observations, List<Problem> warnings) {

    public FetchResult {
        observations = List.copyOf(observations);
        warnings = List.copyOf(warnings);
    }
}
