package org.jobpricing.server.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Representations of rule-set versions, their tests, diffs and what-if runs. */
public final class RuleSetViews {

    private RuleSetViews() {}

    /**
     * A stored version; {@code files} and {@code codeChanged} (files whose rule code differs from the
     * parent's) only when asked for one version.
     */
    public record Version(
            int version,
            String label,
            String checksum,
            String author,
            String message,
            Instant createdAt,
            Integer parent,
            Instant publishedAt,
            boolean active,
            Map<String, String> files,
            List<String> codeChanged) {}

    /**
     * Files sent for validation or as a new version: added to (or replacing those of) the parent version,
     * the active one unless {@code parent} is given; {@code delete} removes files on purpose.
     */
    public record Upload(
            @Size(max = 1000) String message,
            Map<String, String> files,
            Integer parent,
            @Size(max = MAX_FILES) List<@NotNull @Size(min = 1, max = MAX_NAME) String> delete) {}

    /** At most this many files in one upload or version. */
    public static final int MAX_FILES = 200;
    /** The longest file name a version may hold (its column). */
    public static final int MAX_NAME = 200;

    /** The outcome of a validation: the problems, with file and line. */
    public record Validation(boolean valid, String checksum, List<org.jobpricing.server.rules.RuleProblem> problems) {}

    /** Scenario results of a version. */
    public record TestRun(int version, int passed, int failed, List<ScenarioResult> results) {}

    /** Changed files between two versions. */
    public record Diff(int from, int to, List<FileDiff> files, List<String> codeChanged) {}

    /** One file's change: ADDED, REMOVED or MODIFIED, with changed table rows or lines. */
    public record FileDiff(String file, String change, List<RowChange> rows, List<LineChange> lines) {}

    /** A decision-table row added, removed or changed (values by column title). */
    public record RowChange(
            String table,
            List<String> conditions,
            String change,
            Integer fromLine,
            Integer toLine,
            Map<String, String> before,
            Map<String, String> after) {}

    /** A line of a non-table file, removed ("-") or added ("+"). */
    public record LineChange(String change, int line, String text) {}

    /** What-if input: re-price the last {@code limit} stored quotes, or the given requests. */
    public record SimulationRequest(
            @Min(1) @Max(1000) Integer limit,
            @Size(max = 1000) List<@NotNull @Valid PricingRequest> requests) {}

    /** Per-quote band before (active rules) and after (the version). */
    public record QuoteDelta(
            String quoteId,
            String level,
            String country,
            QuoteResponse.Band before,
            QuoteResponse.Band after,
            BigDecimal midChange,
            BigDecimal midChangePercent,
            String error) {}

    /** Summary of band movement. */
    public record Movement(
            int quotes,
            int moved,
            BigDecimal meanMidChange,
            BigDecimal maxMidChange,
            BigDecimal meanMidChangePercent) {}

    /** What-if result. */
    public record Simulation(
            String version,
            String against,
            Movement summary,
            Map<String, Movement> byLevel,
            Map<String, Movement> byCountry,
            List<QuoteDelta> quotes) {}
}
