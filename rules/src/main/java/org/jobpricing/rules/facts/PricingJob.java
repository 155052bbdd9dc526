package org.jobpricing.rules.facts;

import java.time.LocalDate;

/**
 * The job being priced and the policy values the rule tables look up for it (level factor, spread,
 * aging rate, area index, rounding, target percentile, premium cap). Unset values are null.
 */
public final class PricingJob implements Located {

    /** The table cell that matches any value. */
    public static final String ANY = "*";

    private final String occupationCode;
    private final String level;
    private final String country;
    private final String area;
    private final String region;
    private final String currency;
    private final LocalDate asOf;
    private final Trace trace;

    private Double levelFactor;
    private Double spread;
    private Double agingRate;
    private Double areaIndex;
    private String tableRegion;
    private Double rounding;
    private Double targetPercentile;
    private Double premiumCap;

    public PricingJob(
            String occupationCode,
            String level,
            String country,
            String area,
            String currency,
            LocalDate asOf,
            Trace trace) {
        this(occupationCode, level, country, area, null, currency, asOf, trace);
    }

    /**
     * @param region the region of the job's area in the area table in force (method §11), null when the
     *     area is a region itself, missing from the table, or the job has no area
     */
    public PricingJob(
            String occupationCode,
            String level,
            String country,
            String area,
            String region,
            String currency,
            LocalDate asOf,
            Trace trace) {
        this.occupationCode = occupationCode;
        this.level = level;
        this.country = country;
        this.area = area;
        this.region = region;
        this.currency = currency;
        this.asOf = asOf;
        this.trace = trace;
    }

    public String getOccupationCode() {
        return occupationCode;
    }

    public String getLevel() {
        return level;
    }

    public String getCountry() {
        return country;
    }

    public String getArea() {
        return area;
    }

    public boolean hasArea() {
        return area != null;
    }

    /** The region of the job's area (method §11), or null. */
    public String getRegion() {
        return region;
    }

    public String getCurrency() {
        return currency;
    }

    public LocalDate getAsOf() {
        return asOf;
    }

    /** Table lookup: true for {@code *} (any level) or the job's level. */
    public boolean atLevel(String code) {
        return ANY.equals(code) || code.equals(level);
    }

    /** Table lookup: true for {@code *} (any country) or the job's country. */
    public boolean inCountry(String code) {
        return ANY.equals(code) || code.equals(country);
    }

    /** Area table lookup: true for the job's area (method §11: an area missing from the table has no row). */
    @Override
    public boolean inArea(String code) {
        return code.equals(area);
    }

    /** Table lookup: true for {@code *} (any currency) or the quote's currency. */
    public boolean inCurrency(String code) {
        return ANY.equals(code) || code.equals(currency);
    }

    public Double getLevelFactor() {
        return levelFactor;
    }

    public void setLevelFactor(double value) {
        changed("levelFactor", level, levelFactor, value, Trace.Kind.FACTOR);
        levelFactor = value;
    }

    public Double getSpread() {
        return spread;
    }

    public void setSpread(double value) {
        changed("spread", level, spread, value, Trace.Kind.FACTOR);
        spread = value;
    }

    public Double getAgingRate() {
        return agingRate;
    }

    public void setAgingRate(double value) {
        changed("agingRate", country, agingRate, value, Trace.Kind.FACTOR);
        agingRate = value;
    }

    public Double getAreaIndex() {
        return areaIndex;
    }

    @Override
    public void setAreaIndex(double value) {
        changed("areaIndex", area == null ? "unset" : area, areaIndex, value, Trace.Kind.FACTOR);
        areaIndex = value;
    }

    /** The region the area table names for the job's area (the same the candidates were chosen by). */
    @Override
    public void setRegion(String code) {
        trace.note("region({key}) -> {region}").word("key", area).word("region", code);
        tableRegion = code;
    }

    public String getTableRegion() {
        return tableRegion;
    }

    /** Method §11: an area missing from the area table has index 1, and the quote says so. */
    public void unknownArea() {
        trace.warn("UNKNOWN_AREA: area " + area + " is not in the area table; its index is 1");
        setAreaIndex(1.0);
    }

    public Double getRounding() {
        return rounding;
    }

    public void setRounding(double value) {
        changed("rounding", currency, rounding, value, Trace.Kind.COUNT);
        rounding = value;
    }

    public Double getTargetPercentile() {
        return targetPercentile;
    }

    public void setTargetPercentile(double value) {
        changed("targetPercentile", null, targetPercentile, value, Trace.Kind.COUNT);
        targetPercentile = value;
    }

    public Double getPremiumCap() {
        return premiumCap;
    }

    public void setPremiumCap(double value) {
        changed("premiumCap", null, premiumCap, value, Trace.Kind.FACTOR);
        premiumCap = value;
    }

    /** Notes a policy value a table set: {@code name(key) before -> value}. */
    private void changed(String name, String key, Double before, double value, Trace.Kind kind) {
        trace.note(name + (key == null ? "" : "({key})") + " {before} -> {" + name + "}")
                .word("key", key)
                .word("before", Trace.shown(before, kind))
                .out(name, value, kind);
    }

    /** The policy values every quote needs; null when all are set, else the name of the first missing one. */
    public String missingPolicy() {
        if (levelFactor == null) {
            return "levelFactor";
        }
        if (spread == null) {
            return "spread";
        }
        if (agingRate == null) {
            return "agingRate";
        }
        if (rounding == null) {
            return "rounding";
        }
        if (targetPercentile == null) {
            return "targetPercentile";
        }
        return premiumCap == null ? "premiumCap" : null;
    }

    Trace trace() {
        return trace;
    }
}
