package org.jobpricing.rules.facts;

import java.time.LocalDate;

/**
 * A market observation that is a candidate for the job (method §2), with what the rules derive for
 * it: exclusion reason, normalisation factor (§4) and weight (§5). Percentiles are p10..p90, null
 * when not reported.
 */
public final class MarketCandidate implements Located {

    /** Match of an observation whose level equals the job's. */
    public static final String EXACT = "EXACT";
    /** Match of an observation for all levels. */
    public static final String BROAD = "BROAD";
    /** Area match (method §11): the observation is of the job's area. */
    public static final String AREA = "AREA";
    /** Area match: the observation is of the region of the job's area. */
    public static final String REGION = "REGION";
    /** Area match: the observation covers the whole country. */
    public static final String COUNTRY = "COUNTRY";

    private final String sourceId;
    private final String sourceType;
    private final String match;
    private final String level;
    private final String area;
    private final String areaMatch;
    private final String jobArea;
    private final LocalDate effectiveDate;
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
    private Double areaWeight;
    private Double areaIndex;
    private Double factor;
    private Double credibility;
    private Double weight;

    /** A candidate of a job without an area (method v1 callers): its area match is COUNTRY, or AREA when it has one. */
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
        this(
                sourceId,
                sourceType,
                match,
                null,
                hasArea ? "?" : null,
                hasArea ? AREA : COUNTRY,
                null,
                null,
                currency,
                period,
                months,
                sampleSize,
                orgCount,
                fxRate,
                percentiles,
                trace);
    }

    /**
     * @param level the observation's level as given (null for all levels)
     * @param area the observation's area (null for the whole country)
     * @param areaMatch AREA, REGION or COUNTRY (method §11)
     * @param jobArea the job's area, null when it has none
     * @param fxRate rate from the observation's currency to the quote's (1 when equal), null when none was found
     * @param months whole months from the observation's effective date to the quote's as-of date
     */
    public MarketCandidate(
            String sourceId,
            String sourceType,
            String match,
            String level,
            String area,
            String areaMatch,
            String jobArea,
            LocalDate effectiveDate,
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
        this.level = level;
        this.area = area;
        this.areaMatch = areaMatch;
        this.jobArea = jobArea;
        this.effectiveDate = effectiveDate;
        this.hasArea = area != null;
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

    /** The observation's level as given, null for all levels: with the source id, the group of §11. */
    public String getLevel() {
        return level;
    }

    /** The observation's area, null for the whole country. */
    public String getArea() {
        return area;
    }

    /** AREA, REGION or COUNTRY (method §11). */
    public String getAreaMatch() {
        return areaMatch;
    }

    /** How specific the area match is: AREA 3, REGION 2, COUNTRY 1. */
    public int getAreaRank() {
        return AREA.equals(areaMatch) ? 3 : REGION.equals(areaMatch) ? 2 : 1;
    }

    /** The job's area, null when it has none. */
    public String getJobArea() {
        return jobArea;
    }

    public LocalDate getEffectiveDate() {
        return effectiveDate;
    }

    /** The effective date as a day number, for comparing editions in conditions. */
    public long getEffectiveDay() {
        return effectiveDate == null ? 0 : effectiveDate.toEpochDay();
    }

    /** True when {@code other} is of the same source and level as given (the group of method §11). */
    public boolean sameFigureAs(MarketCandidate other) {
        return other != this && sourceId.equals(other.sourceId) && java.util.Objects.equals(level, other.level);
    }

    /** Same source and level, and a more specific area match than {@code other}'s. */
    public boolean moreSpecificThan(MarketCandidate other) {
        return sameFigureAs(other) && getAreaRank() > other.getAreaRank();
    }

    /** Same source and level, and a less specific area match than {@code other}'s. */
    public boolean lessSpecificThan(MarketCandidate other) {
        return sameFigureAs(other) && getAreaRank() < other.getAreaRank();
    }

    /** Same source and level, and a later effective date than {@code other}'s. */
    public boolean newerThan(MarketCandidate other) {
        return sameFigureAs(other) && getEffectiveDay() > other.getEffectiveDay();
    }

    /** Same source and level, and an earlier effective date than {@code other}'s. */
    public boolean olderThan(MarketCandidate other) {
        return sameFigureAs(other) && getEffectiveDay() < other.getEffectiveDay();
    }

    /** What the candidate is, for messages: its source, and its area when it has one. */
    public String name() {
        return sourceId + (area == null ? "" : " " + area);
    }

    /** What the candidate is, for messages that tell editions apart: source, area and date. */
    public String label() {
        return sourceId + (area == null ? "" : " " + area) + (effectiveDate == null ? "" : " " + effectiveDate);
    }

    @Override
    public boolean inArea(String code) {
        return area != null && code.equals(area);
    }

    /** A candidate takes its area's index; its region is no concern of the quote. */
    @Override
    public void setRegion(String code) {}

    @Override
    public void setAreaIndex(double value) {
        trace.note("{source} areaIndex({key}) {before} -> {areaIndex}", sourceId)
                .word("source", name())
                .word("key", area)
                .word("before", Trace.shown(areaIndex, Trace.Kind.FACTOR))
                .out("areaIndex", value, Trace.Kind.FACTOR);
        areaIndex = value;
    }

    public Double getAreaIndex() {
        return areaIndex;
    }

    public Double getAreaWeight() {
        return areaWeight;
    }

    public void setAreaWeight(double value) {
        trace.note("{source} areaWeight({key}) {before} -> {areaWeight}", sourceId)
                .word("source", name())
                .word("key", areaMatch)
                .word("before", Trace.shown(areaWeight, Trace.Kind.FACTOR))
                .out("areaWeight", value, Trace.Kind.FACTOR);
        areaWeight = value;
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
                    .word("source", name())
                    .word("reason", reason);
        }
    }

    /**
     * Excludes the candidate for {@code reason} in favour of {@code kept}, the figure of the same source
     * and level that is used instead (method §11: LESS_SPECIFIC_AREA, SUPERSEDED).
     */
    public void excludeFor(String reason, MarketCandidate kept) {
        if (exclusion == null) {
            exclusion = reason;
            trace.note("{source} excluded: {reason}, {kept} is kept", sourceId)
                    .word("source", label())
                    .word("reason", reason)
                    .word("kept", kept.label() + " (" + kept.getAreaMatch() + ")");
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
        double geo = geo(job);
        double levelAdj = BROAD.equals(match) ? require(job.getLevelFactor(), "levelFactor") : 1.0;
        factor = annual * fxRate * aging * geo * levelAdj;
        trace.note("{source} factor = {annualize} x {fx} x {aging} x {geo} x {levelAdjustment} = {factor}", sourceId)
                .word("source", name())
                .in("annualize", annual, Trace.Kind.FACTOR)
                .in("fx", fxRate, Trace.Kind.FACTOR)
                .in("aging", aging, Trace.Kind.FACTOR)
                .in("geo", geo, Trace.Kind.FACTOR)
                .in("levelAdjustment", levelAdj, Trace.Kind.FACTOR)
                .out("factor", factor, Trace.Kind.FACTOR);
    }

    /**
     * Method §11: 1 for AREA; areaIndex(job area) / areaIndex(region) for REGION; areaIndex(job area) for
     * COUNTRY when the job has an area; 1 when it has none.
     */
    private double geo(PricingJob job) {
        if (AREA.equals(areaMatch) || !job.hasArea()) {
            return 1.0;
        }
        double jobIndex = require(job.getAreaIndex(), "areaIndex(" + job.getArea() + ")");
        return REGION.equals(areaMatch) ? jobIndex / require(areaIndex, "areaIndex(" + area + ")") : jobIndex;
    }

    /**
     * Method §5 and §11: weight = sourceWeight × matchWeight × areaWeight × min(1, sqrt(sampleSize /
     * fullCredibilitySample)); areaWeight is 1 when the job has no area.
     */
    public void weigh(double fullCredibilitySample) {
        credibility = Math.min(1.0, Math.sqrt(sampleSize / fullCredibilitySample));
        double areaPart = jobArea == null ? 1.0 : require(areaWeight, "areaWeight(" + areaMatch + ")");
        weight = require(sourceWeight, "sourceWeight(" + sourceType + ")")
                * require(matchWeight, "matchWeight(" + match + ")")
                * areaPart
                * credibility;
        trace.note("{source} credibility {credibility}, weight {weight}", sourceId)
                .word("source", name())
                .in("sampleSize", (double) sampleSize, Trace.Kind.COUNT)
                .in("fullCredibilitySample", fullCredibilitySample, Trace.Kind.COUNT)
                .in("sourceWeight", sourceWeight, Trace.Kind.FACTOR)
                .in("matchWeight", matchWeight, Trace.Kind.FACTOR)
                .in("areaWeight", areaPart, Trace.Kind.FACTOR)
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
