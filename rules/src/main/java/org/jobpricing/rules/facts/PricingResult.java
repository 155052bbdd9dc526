package org.jobpricing.rules.facts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The figures of one quote as the pricing steps fill them in: blended percentiles (§5), market
 * reference point, premium, band (§6) and confidence (§7). The step order and every policy number
 * come from the rules; this class only does the arithmetic.
 */
public final class PricingResult {

    /** The percentiles every observation may report, in order. */
    public static final int[] PERCENTILES = {10, 25, 50, 75, 90};

    private static final int P50 = 2;

    private final PricingJob job;
    private final List<MarketCandidate> candidates;
    private final List<JobSkill> skills;
    private final Trace trace;

    private final Double[] market = new Double[PERCENTILES.length];
    private Double referencePoint;
    private Double premium;
    private Double bandMin;
    private Double bandMid;
    private Double bandMax;
    private Integer confidenceScore;
    private Double confidenceSample;
    private Double confidenceSources;
    private Double confidenceAge;
    private String confidenceLabel;
    private String rejection;

    public PricingResult(PricingJob job, List<MarketCandidate> candidates, List<JobSkill> skills, Trace trace) {
        this.job = job;
        this.candidates = List.copyOf(candidates);
        this.skills = List.copyOf(skills);
        this.trace = trace;
    }

    public PricingJob getJob() {
        return job;
    }

    public List<MarketCandidate> getCandidates() {
        return candidates;
    }

    public Trace getTrace() {
        return trace;
    }

    /** Why the quote cannot be priced (a machine code), or null. */
    public String getRejection() {
        return rejection;
    }

    /** Stops the pricing: the engine turns the code into an error answer. */
    public void reject(String code, String message) {
        rejection = code;
        trace.say("rejected: " + code + " (" + message + ")");
    }

    /** True when the level tables gave the job's level no level factor or no spread. */
    public boolean isUnknownLevel() {
        return job.getLevelFactor() == null || job.getSpread() == null;
    }

    /** True when the job names an area the area table has no row for (method §11). */
    public boolean isUnknownArea() {
        return job.hasArea() && job.getAreaIndex() == null;
    }

    /** True when at least one candidate is still included. */
    public boolean hasIncludedCandidates() {
        return candidates.stream().anyMatch(MarketCandidate::isIncluded);
    }

    /** Blended percentile at {@code index} (0 = p10 … 4 = p90), or null. */
    public Double market(int index) {
        return market[index];
    }

    /** Method §4: normalises every included candidate. */
    public void normalise() {
        candidates.stream().filter(MarketCandidate::isIncluded).forEach(c -> c.normalise(job));
    }

    /** Method §5: weighs every included candidate. */
    public void weigh(double fullCredibilitySample) {
        candidates.stream().filter(MarketCandidate::isIncluded).forEach(c -> c.weigh(fullCredibilitySample));
    }

    /** Method §5: Pk = Σ wᵢ·vᵢₖ / Σ wᵢ over the included candidates that report Pk. */
    public void blend() {
        for (int k = 0; k < PERCENTILES.length; k++) {
            double weighted = 0;
            double weights = 0;
            for (MarketCandidate c : candidates) {
                Double v = c.isIncluded() ? c.normalised(k) : null;
                if (v != null) {
                    weighted += c.getWeight() * v;
                    weights += c.getWeight();
                }
            }
            market[k] = weights > 0 ? weighted / weights : null;
        }
        Trace.Note note = trace.note("blended P10 {p10}, P25 {p25}, P50 {p50}, P75 {p75}, P90 {p90}");
        for (int k = 0; k < PERCENTILES.length; k++) {
            note.out("p" + PERCENTILES[k], market[k], Trace.Kind.MONEY);
        }
    }

    /** Method §5: P75 ≥ P50, P90 ≥ P75, P25 ≤ P50, P10 ≤ P25; a step with a null side is skipped. */
    public void orderPercentiles() {
        raiseTo(3, 2);
        raiseTo(4, 3);
        lowerTo(1, 2);
        lowerTo(0, 1);
    }

    private void raiseTo(int index, int floor) {
        if (market[index] != null && market[floor] != null && market[index] < market[floor]) {
            trace.note("P{k} {before} -> {p}")
                    .word("k", String.valueOf(PERCENTILES[index]))
                    .in("before", market[index], Trace.Kind.MONEY)
                    .out("p" + PERCENTILES[index], market[floor], Trace.Kind.MONEY);
            market[index] = market[floor];
        }
    }

    private void lowerTo(int index, int ceiling) {
        if (market[index] != null && market[ceiling] != null && market[index] > market[ceiling]) {
            trace.note("P{k} {before} -> {p}")
                    .word("k", String.valueOf(PERCENTILES[index]))
                    .in("before", market[index], Trace.Kind.MONEY)
                    .out("p" + PERCENTILES[index], market[ceiling], Trace.Kind.MONEY);
            market[index] = market[ceiling];
        }
    }

    public Double getReferencePoint() {
        return referencePoint;
    }

    /** Method §5: the blended value at the target percentile, interpolated linearly; P50 when a needed value is null. */
    public void locateReferencePoint() {
        double t = job.getTargetPercentile();
        referencePoint = interpolate(t);
        if (referencePoint == null) {
            referencePoint = market[P50];
            trace.warn("target percentile " + t + " is not available from the data; using P50");
        }
        trace.note("market reference point at P{targetPercentile} = {referencePoint}")
                .in("targetPercentile", t, Trace.Kind.COUNT)
                .out("referencePoint", referencePoint, Trace.Kind.MONEY);
    }

    private Double interpolate(double t) {
        for (int i = 0; i < PERCENTILES.length; i++) {
            if (t == PERCENTILES[i]) {
                return market[i];
            }
            if (i + 1 < PERCENTILES.length && t > PERCENTILES[i] && t < PERCENTILES[i + 1]) {
                if (market[i] == null || market[i + 1] == null) {
                    return null;
                }
                return market[i]
                        + (market[i + 1] - market[i]) * (t - PERCENTILES[i]) / (PERCENTILES[i + 1] - PERCENTILES[i]);
            }
        }
        return null;
    }

    public Double getPremium() {
        return premium;
    }

    /** Method §5: min(premiumCap, Σ premium of the job's distinct skills). */
    public void applyPremium() {
        double sum = skills.stream()
                .map(JobSkill::getPremium)
                .filter(p -> p != null)
                .mapToDouble(Double::doubleValue)
                .sum();
        premium = Math.min(job.getPremiumCap(), sum);
        trace.note("premium min({premiumCap}, {skillPremiums}) = {premium}")
                .in("premiumCap", job.getPremiumCap(), Trace.Kind.FACTOR)
                .in("skillPremiums", sum, Trace.Kind.FACTOR)
                .out("premium", premium, Trace.Kind.FACTOR);
    }

    public Double getBandMin() {
        return bandMin;
    }

    public Double getBandMid() {
        return bandMid;
    }

    public Double getBandMax() {
        return bandMax;
    }

    /** Method §6: mid = MRP × (1 + premium); min = mid × 2 / (2 + s); max = min × (1 + s). */
    public void buildBand() {
        double s = job.getSpread();
        bandMid = referencePoint * (1 + premium);
        bandMin = bandMid * 2 / (2 + s);
        bandMax = bandMin * (1 + s);
        trace.note("band {min} / {mid} / {max} (spread {spread})")
                .in("referencePoint", referencePoint, Trace.Kind.MONEY)
                .in("premium", premium, Trace.Kind.FACTOR)
                .in("spread", s, Trace.Kind.FACTOR)
                .out("min", bandMin, Trace.Kind.MONEY)
                .out("mid", bandMid, Trace.Kind.MONEY)
                .out("max", bandMax, Trace.Kind.MONEY);
    }

    /** Method §6: min, mid and max each rounded half-up to a multiple of the currency's rounding. */
    public void roundBand() {
        double unit = job.getRounding();
        Trace.Note note = trace.note("rounded to {rounding}: {min} / {mid} / {max}")
                .in("rounding", unit, Trace.Kind.COUNT)
                .in("unroundedMin", bandMin, Trace.Kind.MONEY)
                .in("unroundedMid", bandMid, Trace.Kind.MONEY)
                .in("unroundedMax", bandMax, Trace.Kind.MONEY);
        bandMin = roundTo(bandMin, unit);
        bandMid = roundTo(bandMid, unit);
        bandMax = roundTo(bandMax, unit);
        note.out("min", bandMin, Trace.Kind.MONEY)
                .out("mid", bandMid, Trace.Kind.MONEY)
                .out("max", bandMax, Trace.Kind.MONEY);
    }

    static double roundTo(double value, double unit) {
        BigDecimal step = BigDecimal.valueOf(unit);
        return new BigDecimal(value)
                .divide(step, 0, RoundingMode.HALF_UP)
                .multiply(step)
                .doubleValue();
    }

    /** Method §7's three parts of the confidence, each 0-1: sample size, distinct sources, age. */
    public Double getConfidenceSample() {
        return confidenceSample;
    }

    public Double getConfidenceSources() {
        return confidenceSources;
    }

    public Double getConfidenceAge() {
        return confidenceAge;
    }

    public Integer getConfidenceScore() {
        return confidenceScore;
    }

    public String getConfidenceLabel() {
        return confidenceLabel;
    }

    /**
     * Method §7: score = round(100 × (wN·min(1, N/fullSample) + wS·min(1, S/fullSources)
     * + wA·min(1, max(0, 1 − A/maxAgeMonths)))) over the included candidates.
     */
    public void scoreConfidence(
            double fullSample,
            double fullSources,
            double maxAgeMonths,
            double sampleWeight,
            double sourceWeight,
            double ageWeight) {
        List<MarketCandidate> included =
                candidates.stream().filter(MarketCandidate::isIncluded).toList();
        double n = included.stream().mapToDouble(MarketCandidate::getSampleSize).sum();
        double s =
                included.stream().map(MarketCandidate::getSourceId).distinct().count();
        double w = included.stream().mapToDouble(MarketCandidate::getWeight).sum();
        double age = w == 0
                ? 0
                : included.stream()
                                .mapToDouble(c -> c.getWeight() * c.getMonths())
                                .sum()
                        / w;
        confidenceSample = Math.min(1, n / fullSample);
        confidenceSources = Math.min(1, s / fullSources);
        confidenceAge = Math.min(1, Math.max(0, 1 - age / maxAgeMonths));
        double raw = sampleWeight * confidenceSample + sourceWeight * confidenceSources + ageWeight * confidenceAge;
        confidenceScore = (int) Math.round(100 * raw);
        trace.note("confidence N={sample}, S={sources}, A={ageMonths} -> {score}")
                .in("sample", n, Trace.Kind.COUNT)
                .in("sources", s, Trace.Kind.COUNT)
                .in("ageMonths", age, Trace.Kind.COUNT)
                .in("sampleWeight", sampleWeight, Trace.Kind.FACTOR)
                .in("sourceWeight", sourceWeight, Trace.Kind.FACTOR)
                .in("ageWeight", ageWeight, Trace.Kind.FACTOR)
                .out("samplePart", confidenceSample, Trace.Kind.FACTOR)
                .out("sourcesPart", confidenceSources, Trace.Kind.FACTOR)
                .out("agePart", confidenceAge, Trace.Kind.FACTOR)
                .out("score", (double) confidenceScore, Trace.Kind.COUNT);
    }

    /** Method §7: HIGH at or above {@code high}, MEDIUM at or above {@code medium}, else LOW. */
    public void labelConfidence(int high, int medium) {
        confidenceLabel = confidenceScore >= high ? "HIGH" : confidenceScore >= medium ? "MEDIUM" : "LOW";
        trace.note("confidence label {label}")
                .word("label", confidenceLabel)
                .in("score", (double) confidenceScore, Trace.Kind.COUNT)
                .in("high", (double) high, Trace.Kind.COUNT)
                .in("medium", (double) medium, Trace.Kind.COUNT);
    }
}
