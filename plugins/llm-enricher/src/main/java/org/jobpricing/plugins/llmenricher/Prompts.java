package org.jobpricing.plugins.llmenricher;

import java.util.List;
import java.util.stream.Collectors;
import org.jobpricing.plugin.api.JobBrief;
import org.jobpricing.plugin.api.OccupationMatch;

/** The prompts sent to the model. */
final class Prompts {

    /** Enough of a description to judge the job by; the rest only costs tokens. */
    static final int DESCRIPTION_CHARS = 4000;

    private Prompts() {}

    static String jobDescription(JobBrief brief) {
        return "Write a concise job description (about 150 words: summary, responsibilities, requirements) for the "
                + "role \"" + brief.title() + "\" at level " + brief.level()
                + (brief.company() == null || brief.company().isBlank() ? "" : " at " + brief.company())
                + (brief.skills().isEmpty() ? "" : ". Required skills: " + String.join(", ", brief.skills()))
                + ". Plain text, no salary figures.";
    }

    static String occupationRanking(String title, String description, List<OccupationMatch> candidates) {
        String job = "Job title: \"" + title + "\"\n"
                + (description == null || description.isBlank()
                        ? ""
                        : "Job description:\n\"\"\"\n"
                                + (description.length() > DESCRIPTION_CHARS
                                        ? description.substring(0, DESCRIPTION_CHARS)
                                        : description)
                                + "\n\"\"\"\n");
        return "Rank the candidate O*NET-SOC occupations below from the best to the worst fit for this job.\n"
                + job
                + "Candidates (code: occupation):\n"
                + candidates.stream()
                        .map(c -> "- " + c.code() + ": " + c.title())
                        .collect(Collectors.joining("\n"))
                + "\nUse only the codes listed above, each once. Answer with JSON only, no other text, in exactly this "
                + "shape: {\"ranking\":[{\"code\":\"<code>\",\"score\":<fit from 0 to 1>,\"reason\":\"<one short "
                + "sentence>\"}]}";
    }
}
