package org.jobpricing.server.core;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jobpricing.plugin.api.MarketObservation;
import org.jobpricing.rules.facts.MarketCandidate;
import org.jobpricing.rules.facts.Trace;

/**
 * Method §2 as version 2 (§11) has it: picks the observations that describe the job (its occupation,
 * country and level; its area, the region of its area, or the whole country), and gives each its match,
 * area match, age in months and FX rate, the data the rules then work on.
 */
public final class CandidateSelector {

    private CandidateSelector() {}

    /**
     * Observations must already be those of the job's occupation and country; {@code region} is the
     * region of the job's area in the area table in force (null when none).
     */
    public static List<MarketCandidate> select(
            JobSpec job, String region, List<MarketObservation> observations, FxLookup fx, Trace trace) {
        List<MarketCandidate> candidates = new ArrayList<>();
        for (MarketObservation o : observations) {
            String areaMatch = areaMatch(o.area(), job.area(), region);
            boolean levelFits = o.level() == null || o.level().equals(job.level());
            if (!o.occupationCode().equals(job.occupationCode())
                    || !o.country().equals(job.country())
                    || !levelFits
                    || areaMatch == null) {
                continue;
            }
            String match = Objects.equals(o.level(), job.level()) ? MarketCandidate.EXACT : MarketCandidate.BROAD;
            int months = (int) ChronoUnit.MONTHS.between(o.effectiveDate(), job.asOf());
            Double rate = fx.rate(o.currency(), job.currency(), job.asOf()).orElse(null);
            candidates.add(new MarketCandidate(
                    o.sourceId(),
                    o.sourceType().name(),
                    match,
                    o.level(),
                    o.area(),
                    areaMatch,
                    job.area(),
                    o.effectiveDate(),
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

    /** AREA, REGION or COUNTRY (method §11), or null when the observation is of another area. */
    static String areaMatch(String observationArea, String jobArea, String region) {
        if (observationArea == null) {
            return MarketCandidate.COUNTRY;
        }
        if (jobArea == null) {
            return null;
        }
        if (observationArea.equals(jobArea)) {
            return MarketCandidate.AREA;
        }
        return observationArea.equals(region) ? MarketCandidate.REGION : null;
    }
}
