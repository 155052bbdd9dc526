package org.jobpricing.server.core;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jobpricing.plugin.api.MarketObservation;
import org.jobpricing.rules.facts.MarketCandidate;
import org.jobpricing.rules.facts.Trace;

/**
 * Method §2: picks the observations that describe the job, and gives each its match, age in months
 * and FX rate, the data the rules then work on.
 */
public final class CandidateSelector {

    private CandidateSelector() {}

    /** Observations must already be those of the job's occupation and country. */
    public static List<MarketCandidate> select(
            JobSpec job, List<MarketObservation> observations, FxLookup fx, Trace trace) {
        List<MarketCandidate> candidates = new ArrayList<>();
        for (MarketObservation o : observations) {
            boolean levelFits = o.level() == null || o.level().equals(job.level());
            boolean areaFits = o.area() == null || o.area().equals(job.area());
            if (!o.occupationCode().equals(job.occupationCode())
                    || !o.country().equals(job.country())
                    || !levelFits
                    || !areaFits) {
                continue;
            }
            String match = Objects.equals(o.level(), job.level()) ? MarketCandidate.EXACT : MarketCandidate.BROAD;
            int months = (int) ChronoUnit.MONTHS.between(o.effectiveDate(), job.asOf());
            Double rate = fx.rate(o.currency(), job.currency(), job.asOf()).orElse(null);
            candidates.add(new MarketCandidate(
                    o.sourceId(),
                    o.sourceType().name(),
                    match,
                    o.area() != null,
                    o.currency(),
                    o.period().name(),
                    months,
                    o.sampleSize(),
                    o.orgCount(),
                    rate,
                    o.percentiles(),
                    trace));
        }
        return candidates;
    }
}
