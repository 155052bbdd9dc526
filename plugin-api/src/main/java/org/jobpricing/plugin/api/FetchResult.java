package org.jobpricing.plugin.api;

import java.util.List;

/**
 * What a fetch returns: observations (checked again by the host), human-readable warnings, and the
 * cursor to pass to the next fetch ({@code null} keeps the one given). The host stores the cursor in
 * the same transaction as the observations, so a failed run leaves both as they were.
 */
public record FetchResult(List<MarketObservation> observations, List<Problem> warnings, String nextCursor) {

    public FetchResult {
        observations = List.copyOf(observations);
        warnings = List.copyOf(warnings);
    }

    /** A full snapshot with no cursor. */
    public FetchResult(List<MarketObservation> observations, List<Problem> warnings) {
        this(observations, warnings, null);
    }
}
