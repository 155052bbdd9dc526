package org.jobpricing.server.rules;

import java.util.List;
import java.util.Map;

/**
 * The pay-transparency policy a report was made under, as the rule tables set it: suppression
 * thresholds, the category basis, the joint-assessment threshold and the periods per year that
 * annualise pay; with the rule version and the table rows that set each value.
 */
public record PayPolicy(
        String country,
        int minCellSize,
        int minPerGender,
        String categoryBasis,
        double jointAssessmentThreshold,
        Map<String, Double> periodsPerYear,
        String rulesetVersion,
        List<Rule> rules) {

    /** A table row that set part of the policy. */
    public record Rule(String rule, String file, Integer line) {}

    /** What an aggregate cell may show. */
    public enum Cell {
        /** Fewer employees than {@code minCellSize}: nothing of the cell is shown. */
        SUPPRESSED,
        /** Enough employees, but fewer than {@code minPerGender} women or men: no gender split. */
        NO_SPLIT,
        /** Women and men may be shown apart. */
        SPLIT
    }

    /** What a cell of {@code employees}, of whom {@code women} women and {@code men} men, may show. */
    public Cell cell(int employees, int women, int men) {
        if (employees < minCellSize) {
            return Cell.SUPPRESSED;
        }
        return women < minPerGender || men < minPerGender ? Cell.NO_SPLIT : Cell.SPLIT;
    }

    /** True when a gap (a fraction, either sign) calls for a joint pay assessment. */
    public boolean flags(double gap) {
        return Math.abs(gap) >= jointAssessmentThreshold - 1e-12;
    }

    /** Periods per year of {@code period} (ANNUAL, MONTHLY, HOURLY), or null when no table row sets it. */
    public Double periodsPerYear(String period) {
        return periodsPerYear.get(period);
    }
}
