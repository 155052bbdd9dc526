package org.jobpricing.plugin.api;

import java.util.List;
import java.util.Objects;

/** What a job description is written from: title, level, skills and, optionally, the company. */
public record JobBrief(String title, String level, List<String> skills, String company) {

    public JobBrief {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(level, "level");
        skills = skills == null ? List.of() : List.copyOf(skills);
    }
}
