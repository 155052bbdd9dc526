package org.jobpricing.plugins.llmenricher;

import org.jobpricing.plugin.api.JobBrief;

/** The prompts sent to the model. */
final class Prompts {

    private Prompts() {
    }

    static String jobDescription(JobBrief brief) {
        return "Write a concise job description (about 150 words: summary, responsibilities, requirements) for the "
                + "role \"" + brief.title() + "\" at level " + brief.level()
                + (brief.company() == null || brief.company().isBlank() ? "" : " at " + brief.company())
                + (brief.skills().isEmpty() ? "" : ". Required skills: " + String.join(", ", brief.skills()))
                + ". Plain text, no salary figures.";
    }
}
