package org.jobpricing.plugin.api;

import java.util.Objects;

/**
 * An occupation a job title maps to: its O*NET-SOC code (e.g. {@code 15-1252.00}), the occupation's
 * title, a confidence between 0 and 1, and a human-readable reason such as the reference title that
 * matched.
 *
 * <p>Since API 1.1.0, {@code suggestedLevel}: the level of the level table ({@code rules/levels.drl.csv},
 * e.g. {@code IC4}) that the title's seniority words imply ("Sr.", "Lead", "II", "Director"), or null when
 * the title names none. It is a hint for the analyst: the level a request sends always wins. Enrichers and
 * rankers built against 1.0.0 keep using the four-argument constructor, which leaves it null.
 */
public record OccupationMatch(String code, String title, double score, String reason, String suggestedLevel) {

    public OccupationMatch {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(reason, "reason");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be between 0 and 1, got " + score);
        }
        if (suggestedLevel != null && suggestedLevel.isBlank()) {
            suggestedLevel = null;
        }
    }

    /** A match without a level hint (API 1.0.0). */
    public OccupationMatch(String code, String title, double score, String reason) {
        this(code, title, score, reason, null);
    }
}
