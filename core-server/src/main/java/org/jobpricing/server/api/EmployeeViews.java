package org.jobpricing.server.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the employee routes answer: snapshots, employees against their band, aggregates. */
public final class EmployeeViews {

    private EmployeeViews() {}

    /** One imported roster; {@code idsHashed} says whether its employee ids are stored as keyed hashes. */
    public record Snapshot(
            long id,
            LocalDate asOf,
            String label,
            Instant createdAt,
            String createdBy,
            int employees,
            boolean idsHashed) {}

    /** A page of snapshots, newest roster date first. */
    public record SnapshotList(long total, int limit, int offset, List<Snapshot> items) {}

    /** The pay-transparency policy an answer was made under, from the rule tables of {@code rulesetVersion}. */
    public record Policy(
            String country,
            int minCellSize,
            int minPerGender,
            String categoryBasis,
            BigDecimal jointAssessmentThreshold,
            String rulesetVersion,
            List<String> rules) {}

    /**
     * A band employees were measured against: the job and place, the range (annual, full time), where it
     * came from (STORED_QUOTE or FRESH_QUOTE), the quote and the rule version that priced it; or why
     * there is none.
     */
    public record Band(
            String id,
            String occupationCode,
            String level,
            String country,
            String area,
            String currency,
            BigDecimal min,
            BigDecimal mid,
            BigDecimal max,
            String source,
            String quoteId,
            LocalDate quoteAsOf,
            String rulesetVersion,
            String problem) {}

    /**
     * One employee against their band. {@code annualFtePay} is base pay annualised (rule table) and
     * divided by FTE; compa-ratio = annualFtePay / mid; range penetration = (annualFtePay − min) / (max −
     * min); {@code costToMin} = (min − annualFtePay) × FTE when below min, else 0.
     */
    public record Employee(
            String employeeKey,
            String occupationCode,
            String jobCode,
            String jobFamily,
            String level,
            String grade,
            String country,
            String area,
            String currency,
            String period,
            BigDecimal basePay,
            BigDecimal variablePay,
            LocalDate hireDate,
            String gender,
            BigDecimal fte,
            BigDecimal annualFtePay,
            String band,
            BigDecimal compaRatio,
            BigDecimal rangePenetration,
            Boolean belowMin,
            Boolean aboveMax,
            BigDecimal costToMin) {}

    /** A page of one snapshot's employees with the bands they are measured against. */
    public record EmployeePage(
            Snapshot snapshot, long total, int limit, int offset, List<Band> bands, List<Employee> items) {}

    /** P10 to P90 of compa-ratio in a cell. */
    public record Percentiles(BigDecimal p10, BigDecimal p25, BigDecimal p50, BigDecimal p75, BigDecimal p90) {}

    /**
     * One aggregate cell (a job, level, location or grade, or the whole snapshot). A cell of fewer
     * employees than the policy's minimum is {@code suppressed}: it shows its key and nothing else.
     */
    public record Cell(
            String key,
            boolean suppressed,
            Integer employees,
            Integer withBand,
            Percentiles compaRatio,
            Integer belowMin,
            Integer aboveMax,
            Map<String, BigDecimal> costToMin) {}

    /** A snapshot against the market: totals, distributions per dimension, the bands used. */
    public record MarketPosition(
            Snapshot snapshot, Policy policy, Cell total, Map<String, List<Cell>> distributions, List<Band> bands) {}

    /** What an erasure removed: rows, and the snapshots they were in. */
    public record Erasure(int erasedRows, List<Long> snapshots) {}

    /** The employee id to erase, sent in the body so it never appears in a URL or an access log. */
    public record ErasureRequest(String employeeId) {}
}
