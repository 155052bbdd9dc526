package org.jobpricing.server.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The gender pay-gap report of one snapshot (Directive 2023/970 Art. 9). Gaps are (mean or median of
 * men − that of women) / that of men, in percent to 2 decimals, over annual full-time-equivalent pay;
 * a figure the suppression policy hides is null, with the reason in {@code suppressed}.
 */
public record PayGapReportView(
        EmployeeViews.Snapshot snapshot,
        EmployeeViews.Policy policy,
        Instant generatedAt,
        Headcount headcount,
        Gaps basicPay,
        Gaps variablePay,
        VariableShare receivingVariablePay,
        List<Quartile> quartiles,
        List<Category> categories,
        String suppressed) {

    /** Women and men counted (null when suppressed), and the employees left out (no or another gender). */
    public record Headcount(Integer women, Integer men, Integer notCounted) {}

    /** Mean and median gap, in percent. */
    public record Gaps(BigDecimal meanGap, BigDecimal medianGap) {}

    /** Percent of women and of men receiving variable pay. */
    public record VariableShare(BigDecimal women, BigDecimal men) {}

    /** One pay quartile (1 = lowest pay): percent of it who are women and who are men. */
    public record Quartile(int quartile, BigDecimal women, BigDecimal men) {}

    /**
     * One category of workers: {@code shows} is SPLIT, NO_SPLIT (fewer women or men than the policy
     * splits) or SUPPRESSED (fewer employees than it shows); {@code flagged} when a gap is at or above
     * the joint-assessment threshold.
     */
    public record Category(
            String category,
            String shows,
            Integer employees,
            Integer women,
            Integer men,
            Gaps basicPay,
            Gaps variablePay,
            boolean flagged,
            String flag,
            Justification justification) {}

    /** Why a flagged category's gap is justified by objective, gender-neutral criteria. */
    public record Justification(String text, String author, Instant at) {}

    /** The notice every flagged category carries. */
    public static final String FLAG =
            "joint pay assessment required unless justified by objective, gender-neutral criteria";
}
