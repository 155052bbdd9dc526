package org.jobpricing.server.resources;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jobpricing.plugin.api.JobBrief;
import org.jobpricing.plugin.api.JobEnricher;
import org.jobpricing.rules.facts.Trace;
import org.jobpricing.server.api.AiViews;
import org.jobpricing.server.api.PricingRequest;
import org.jobpricing.server.auth.Permissions;
import org.jobpricing.server.core.Enrichment;
import org.jobpricing.server.core.JobWriting;
import org.jobpricing.server.core.QuoteAssembler;
import org.jobpricing.server.errors.ApiException;

/**
 * Occupation matching (re-ranked by the language-model plugin when it is on), skill extraction and
 * request enrichment through the installed enricher plugin; job descriptions through the language model.
 */
@Path("/api/v1/ai")
@Produces(MediaType.APPLICATION_JSON)
public class AiResource {

    private final Enrichment enrichment;
    private final JobWriting writing;

    public AiResource(Enrichment enrichment, JobWriting writing) {
        this.enrichment = enrichment;
        this.writing = writing;
    }

    @POST
    @Path("/occupation-matches")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Permissions.AI_USE)
    public AiViews.OccupationMatches occupations(@NotNull @Valid AiViews.OccupationQuery query) {
        return new AiViews.OccupationMatches(enrichment.matchOccupations(
                enricher(), query.title(), query.description(), query.limit() == null ? 5 : query.limit()));
    }

    @POST
    @Path("/skill-extractions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Permissions.AI_USE)
    public AiViews.Skills skills(@NotNull @Valid AiViews.SkillQuery query) {
        return new AiViews.Skills(enricher().extractSkills(query.text(), query.limit() == null ? 20 : query.limit()));
    }

    @GET
    @Path("/occupations/{code}/skills")
    @RolesAllowed(Permissions.AI_USE)
    public AiViews.Skills occupationSkills(
            @PathParam("code") String code, @QueryParam("limit") @DefaultValue("20") int limit) {
        var skills = enricher().skillsFor(code, Math.max(1, Math.min(100, limit)));
        if (skills.isEmpty()) {
            throw ApiException.notFound("occupation", "code", code);
        }
        return new AiViews.Skills(skills);
    }

    @POST
    @Path("/enrichments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Permissions.AI_USE)
    public AiViews.Enriched enrich(@NotNull @Valid PricingRequest request) {
        enricher();
        Trace trace = new Trace();
        PricingRequest enriched = enrichment.enrich(request, trace);
        return new AiViews.Enriched(enriched, QuoteAssembler.explanation(trace), trace.warnings());
    }

    @POST
    @Path("/job-descriptions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed(Permissions.AI_USE)
    public String describe(@NotNull @Valid AiViews.DescriptionQuery query) {
        return writing.describe(new JobBrief(query.title(), query.level(), query.skills(), query.company()));
    }

    private JobEnricher enricher() {
        return enrichment
                .enricher()
                .orElseThrow(() -> new ApiException(
                        503,
                        "ENRICHER_NOT_AVAILABLE",
                        "no enricher plugin is installed (plugins/onet-enricher)",
                        List.of()));
    }
}
