package org.jobpricing.server.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A priced job: market percentiles, band, confidence and the full explanation. */
public record QuoteResponse(
        String id,
        Instant createdAt,
        String title,
        LocalDate asOf,
        String currency,
        String occupationCode,
        String level,
        String country,
        String area,
        List<String> skills,
        Market market,
        BigDecimal marketReferencePoint,
        BigDecimal premium,
        Band band,
        Confidence confidence,
        List<ObservationUse> observations,
        List<ExplanationStep> explanation,
        List<String> warnings,
        String rulesetVersion) {

    /** Blended market percentiles, 2 decimals, null when no included observation reports them. */
    public record Market(BigDecimal p10, BigDecimal p25, BigDecimal p50, BigDecimal p75, BigDecimal p90) {}

    /** The salary band; spread is max/min − 1 before rounding. */
    public record Band(BigDecimal min, BigDecimal mid, BigDecimal max, BigDecimal spread) {}

    /** Confidence score 0-100, its label and its three parts (method §7), each 0-1. */
    public record Confidence(int score, String label, Parts parts) {}

    /** The parts of the confidence: sample size, distinct sources and age, each 0-1 before weighting. */
    public record Parts(BigDecimal sample, BigDecimal sources, BigDecimal age) {}

    /** How one candidate observation was used. Factor, credibility and weight are null when excluded before them. */
    public record ObservationUse(
            String sourceId,
            String sourceType,
            String match,
            int months,
            BigDecimal factor,
            BigDecimal credibility,
            BigDecimal weight,
            boolean included,
            String reason,
            String area,
            String areaMatch,
            java.time.LocalDate effectiveDate,
            BigDecimal areaWeight) {}

    /**
     * One rule that changed something: its name, the file and line it is written at (null for steps
     * that are not rules, such as enrichment), the numbers it read and set, and the message formatted
     * from them.
     */
    public record ExplanationStep(
            String rule,
            String file,
            Integer line,
            Map<String, BigDecimal> inputs,
            Map<String, BigDecimal> outputs,
            String message) {}
}
