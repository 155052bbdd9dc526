package org.jobpricing.rules.facts;

/**
 * A market observation that is a candidate for the job (method §2), with what the rules derive for
 * it: exclusion reason, normalisation factor (§4) and weight (§5). Percentiles are p10..p90, null
 * when not reported.
 */
public final class MarketCandidate {

    /** Match of an observation whose level equals the job's. */
    public static final String EXACT = "EXACT";
    /** Match of an observation for all levels. */
    public static final String BROAD = "BROAD";

    private final String sourceId;
    private final String sourceType;
    private final String match;
    private final boolean hasArea;
    private final String currency;
    private final String period;
    private final int months;
    private final int sampleSize;
    private final Integer orgCount;
    private final Double fxRate;
    private final Double[] percentiles;
    private final Trace trace;

    private String exclusion;
    private Double annualize;
    private Double sourceWeight;
    private Double matchWeight;
    private Double factor;
    private Double credibility;
    private Double weight;

    /**
     * @param fxRate rate from the observation's currency to the quote's (1 when equal), null when none was found
     * @param months whole months from the observation's effective date to the quote's as-of date
     */
    public MarketCandidate(
            String sourceId,
            String sourceType,
            String match,
            boolean hasArea,
            String currency,
            String period,
            int months,
            int sampleSize,
            Integer orgCount,
            Double fxRate,
            Double[] percentiles,
            Trace trace) {
        this.sourceId = sourceId;
        this.sourceType = sourceType;
        this.match = match;
        this.hasArea = hasArea;
        this.currency = currency;
        this.period = period;
        this.months = months;
        this.sampleSize = sampleSize;
        this.orgCount = orgCount;
        this.fxRate = fxRate;
        this.percentiles = percentiles.clone();
        this.trace = trace;
    }

    public String getSourceId() {
        return sourceId;
    }

    public String getSourceType() {
        return sourceType;
    }

    public String getMatch() {
        return match;
    }

    public boolean isHasArea() {
        return hasArea;
    }

    public String getCurrency() {
        return currency;
    }

    public String getPeriod() {
        return period;
    }

    public int getMonths() {
        return months;
    }

    public int getSampleSize() {
        return sampleSize;
    }

    public Integer getOrgCount() {
        return orgCount;
    }

    public Double getFxRate() {
        return fxRate;
    }

    /** Percentile {@code index} (0 = p10 … 4 = p90) as reported, or null. */
    public Double reported(int index) {
        return percentiles[index];
    }

    /** Percentile {@code index} multiplied by the factor, or null when not reported. */
    public Double normalised(int index) {
        return percentiles[index] == null ? null : percentiles[index] * factor;
    }

    public String getExclusion() {
        return exclusion;
    }

    public boolean isIncluded() {
        return exclusion == null;
    }

    /** Excludes the candidate for {@code reason} unless an earlier rule already did: the first reason stands. */
    public void exclude(String reason) {
        if (exclusion == null) {
            exclusion = reason;
            trace.note("{source} excluded: {reason}", sourceId)
                    .word("source", sourceId)
                    .word("reason", reason);
        }
    }

    public Double getAnnualize() {
        return annualize;
    }

    public void setAnnualize(double value) {
        trace.note("{source} annualize({key}) {before} -> {annualize}", sourceId)
                .word("source", sourceId)
                .word("key", period)
                .word("before", Trace.shown(annualize, Trace.Kind.FACTOR))
                .out("annualize", value, Trace.Kind.FACTOR);
        annualize = value;
    }

    public Double getSourceWeight() {
        return sourceWeight;
    }

    public void setSourceWeight(double value) {
        trace.note("{source} sourceWeight({key}) {before} -> {sourceWeight}", sourceId)
                .word("source", sourceId)
                .word("key", sourceType)
                .word("before", Trace.shown(sourceWeight, Trace.Kind.FACTOR))
                .out("sourceWeight", value, Trace.Kind.FACTOR);
        sourceWeight = value;
    }

    public Double getMatchWeight() {
        return matchWeight;
    }

    public void setMatchWeight(double value) {
        trace.note("{source} matchWeight({key}) {before} -> {matchWeight}", sourceId)
                .word("source", sourceId)
                .word("key", match)
                .word("before", Trace.shown(matchWeight, Trace.Kind.FACTOR))
                .out("matchWeight", value, Trace.Kind.FACTOR);
        matchWeight = value;
    }

    public Double getFactor() {
        return factor;
    }

    public Double getCredibility() {
        return credibility;
    }

    public Double getWeight() {
        return weight;
    }

    /**
     * Method §4: factor = annualize × fx × (1 + agingRate)^(months/12) × geo × levelAdj, where geo is the
     * job's area index when the job has an area and this observation has none, and levelAdj is the job's
     * level factor for a BROAD match.
     */
    public void normalise(PricingJob job) {
        double annual = require(annualize, "annualize(" + period + ")");
        double aging = Math.pow(1 + require(job.getAgingRate(), "agingRate"), months / 12.0);
        double geo = job.hasArea() && !hasArea ? require(job.getAreaIndex(), "areaIndex") : 1.0;
        double levelAdj = BROAD.equals(match) ? require(job.getLevelFactor(), "levelFactor") : 1.0;
        factor = annual * fxRate * aging * geo * levelAdj;
        trace.note("{source} factor = {annualize} x {fx} x {aging} x {geo} x {levelAdjustment} = {factor}", sourceId)
                .word("source", sourceId)
                .in("annualize", annual, Trace.Kind.FACTOR)
                .in("fx", fxRate, Trace.Kind.FACTOR)
                .in("aging", aging, Trace.Kind.FACTOR)
                .in("geo", geo, Trace.Kind.FACTOR)
                .in("levelAdjustment", levelAdj, Trace.Kind.FACTOR)
                .out("factor", factor, Trace.Kind.FACTOR);
    }

    /** Method §5: weight = sourceWeight × matchWeight × min(1, sqrt(sampleSize / fullCredibilitySample)). */
    public void weigh(double fullCredibilitySample) {
        credibility = Math.min(1.0, Math.sqrt(sampleSize / fullCredibilitySample));
        weight = require(sourceWeight, "sourceWeight(" + sourceType + ")")
                * require(matchWeight, "matchWeight(" + match + ")")
                * credibility;
        trace.note("{source} credibility {credibility}, weight {weight}", sourceId)
                .word("source", sourceId)
                .in("sampleSize", (double) sampleSize, Trace.Kind.COUNT)
                .in("fullCredibilitySample", fullCredibilitySample, Trace.Kind.COUNT)
                .in("sourceWeight", sourceWeight, Trace.Kind.FACTOR)
                .in("matchWeight", matchWeight, Trace.Kind.FACTOR)
                .out("credibility", credibility, Trace.Kind.FACTOR)
                .out("weight", weight, Trace.Kind.FACTOR);
    }

    private static double require(Double value, String name) {
        if (value == null) {
            throw new MissingPolicyException(name);
        }
        return value;
    }
}
