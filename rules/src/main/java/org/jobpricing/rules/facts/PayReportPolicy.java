package org.jobpricing.rules.facts;

/**
 * The pay-transparency policy for one report (EU Directive 2023/970): which cells an aggregate may
 * show, how workers are grouped into categories, and the gap that calls for a joint pay assessment.
 * The tables {@code pay-suppression}, {@code pay-gap-categories} and {@code pay-gap-threshold} set it
 * for the report's country ({@code *} = any).
 */
public final class PayReportPolicy {

    /** Workers grouped by job family and level. */
    public static final String JOB_FAMILY_LEVEL = "JOB_FAMILY_LEVEL";
    /** Workers grouped by grade of the salary structure. */
    public static final String GRADE = "GRADE";

    private final String country;
    private Integer minCellSize;
    private Integer minPerGender;
    private String categoryBasis;
    private Double jointAssessmentThreshold;

    /** The policy for {@code country} (an ISO code, or null for a report across countries). */
    public PayReportPolicy(String country) {
        this.country = country;
    }

    public String getCountry() {
        return country;
    }

    /** Table lookup: true for {@code *} (any country) or the report's country. */
    public boolean inCountry(String code) {
        return PricingJob.ANY.equals(code) || code.equals(country);
    }

    public Integer getMinCellSize() {
        return minCellSize;
    }

    /** Fewest employees an aggregate cell may show; a smaller cell is suppressed. */
    public void setMinCellSize(int value) {
        minCellSize = value;
    }

    public Integer getMinPerGender() {
        return minPerGender;
    }

    /** Fewest women, and fewest men, a cell needs before its gender split is shown. */
    public void setMinPerGender(int value) {
        minPerGender = value;
    }

    public String getCategoryBasis() {
        return categoryBasis;
    }

    /** {@link #JOB_FAMILY_LEVEL} or {@link #GRADE}. */
    public void setCategoryBasis(String value) {
        categoryBasis = value;
    }

    public Double getJointAssessmentThreshold() {
        return jointAssessmentThreshold;
    }

    /** A category whose gap (as a fraction, 0.05 = 5 %) is at least this is flagged. */
    public void setJointAssessmentThreshold(double value) {
        jointAssessmentThreshold = value;
    }
}
