package org.jobpricing.rules.facts;

/**
 * The posting-width policy for one jurisdiction: where in the band the published range sits
 * (positions: 0 = band min, 1 = band max) and how wide a range may be, as a share of the band.
 */
public final class PostingRange {

    private final String jurisdiction;
    private final Trace trace;
    private Double lower;
    private Double upper;
    private Double maxWidth;

    public PostingRange(String jurisdiction, Trace trace) {
        this.jurisdiction = jurisdiction;
        this.trace = trace;
    }

    public String getJurisdiction() {
        return jurisdiction;
    }

    /** Table lookup: true for {@code *} or this jurisdiction. */
    public boolean inJurisdiction(String code) {
        return PricingJob.ANY.equals(code) || code.equals(jurisdiction);
    }

    public Double getLower() {
        return lower;
    }

    public void setLower(double value) {
        note("lower", value);
        lower = value;
    }

    public Double getUpper() {
        return upper;
    }

    public void setUpper(double value) {
        note("upper", value);
        upper = value;
    }

    public Double getMaxWidth() {
        return maxWidth;
    }

    public void setMaxWidth(double value) {
        note("maxWidth", value);
        maxWidth = value;
    }

    private void note(String name, double value) {
        trace.note(name + "({jurisdiction}) -> {" + name + "}")
                .word("jurisdiction", jurisdiction)
                .out(name, value, Trace.Kind.FACTOR);
    }
}
