package org.jobpricing.server.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jobpricing.rules.facts.MarketCandidate;
import org.jobpricing.rules.facts.PricingResult;

/**
 * Warns in a quote when a source it used holds data loaded longer ago than the limit, e.g. a scheduled
 * refresh that has been failing: the quote still prices, and says its data may be out of date.
 */
public final class Staleness implements PricingPipeline.Check {

    private final MarketDataCache cache;
    private final Duration limit;
    private final Clock clock;

    public Staleness(MarketDataCache cache, Duration limit, Clock clock) {
        this.cache = cache;
        this.limit = limit;
        this.clock = clock;
    }

    /** Adds a warning to the result's trace for each used source whose data is past the limit. */
    @Override
    public void check(JobSpec spec, PricingResult result) {
        Instant cutoff = clock.instant().minus(limit);
        Set<String> used = new LinkedHashSet<>();
        for (MarketCandidate c : result.getCandidates()) {
            if (c.getExclusion() == null) {
                used.add(c.getSourceId());
            }
        }
        for (String sourceId : used) {
            cache.loadedAt(spec.occupationCode(), spec.country(), sourceId)
                    .filter(at -> at.isBefore(cutoff))
                    .ifPresent(at -> result.getTrace()
                            .warn("market data of source " + sourceId + " was loaded "
                                    + Duration.between(at, clock.instant()).toDays() + " days ago (" + at
                                    + "), past the " + limit.toDays() + "-day limit; refresh the source"));
        }
    }
}
