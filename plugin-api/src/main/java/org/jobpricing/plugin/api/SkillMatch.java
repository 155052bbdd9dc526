package org.jobpricing.plugin.api;

import java.util.Objects;

/**
 * A technology skill (e.g. {@code Oracle Java}), whether it is in high demand ("hot") among
 * employers, and a relevance score between 0 and 1.
 */
public record SkillMatch(String name, boolean hot, double score) {

    public SkillMatch {
        Objects.requireNonNull(name, "name");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be between 0 and 1, got " + score);
        }
    }
}
