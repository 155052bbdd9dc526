package org.jobpricing.plugin.api;

import java.util.Objects;

/**
 * An occupation a job title maps to: its O*NET-SOC code (e.g. {@code 15-1252.00}), the occupation's
 * title, a confidence between 0 and 1, and a human-readable reason such as the reference title that
 * matched.
 */
public record OccupationMatch(String code, String title, double score, String reason) {

    public OccupationMatch {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(reason, "reason");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be between 0 and 1, got " + score);
        }
    }
}
