package org.jobpricing.server.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jobpricing.plugin.api.OccupationMatch;
import org.jobpricing.plugin.api.SkillMatch;

/** Requests and answers of the AI endpoints. */
public final class AiViews {

    private AiViews() {}

    /** A title (and optional description) to map to occupations. */
    public record OccupationQuery(
            @NotBlank @Size(max = 200) String title,
            @Size(max = 20000) String description,
            @Min(1) @Max(50) Integer limit) {}

    /** Ranked occupation matches. */
    public record OccupationMatches(List<OccupationMatch> matches) {}

    /** Free text to find skills in. */
    public record SkillQuery(
            @NotBlank @Size(max = 20000) String text,
            @Min(1) @Max(100) Integer limit) {}

    /** Ranked skills. */
    public record Skills(List<SkillMatch> skills) {}

    /** A job to describe (needs an LLM plugin). */
    public record DescriptionQuery(
            @NotBlank @Size(max = 200) String title,
            @NotBlank String level,
            @NotNull @Size(max = 50) List<String> skills,
            @Size(max = 200) String company) {}

    /** A pricing request with what the enrichers filled in, and how. */
    public record Enriched(
            PricingRequest request, List<QuoteResponse.ExplanationStep> explanation, List<String> warnings) {}
}
