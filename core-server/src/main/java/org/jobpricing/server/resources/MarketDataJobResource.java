package org.jobpricing.server.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jobpricing.server.api.MarketDataJobView;
import org.jobpricing.server.auth.Permissions;
import org.jobpricing.server.auth.UserPrincipal;
import org.jobpricing.server.errors.ApiException;
import org.jobpricing.server.plugins.MarketDataJobs;

/** Market-data refresh jobs: history, one job, and starting runs now. */
@Path("/api/v1/market-data/jobs")
@Produces(MediaType.APPLICATION_JSON)
public class MarketDataJobResource {

    /** What to run: one source by name, or every enabled source when {@code source} is absent. */
    public record StartJobs(
            @Pattern(regexp = "[A-Za-z0-9._-]{1,100}", message = "must be a source name")
            String source) {}

    private final MarketDataJobs jobs;

    public MarketDataJobResource(MarketDataJobs jobs) {
        this.jobs = jobs;
    }

    @GET
    @RolesAllowed(Permissions.MARKET_DATA_READ)
    public List<MarketDataJobView> history(
            @QueryParam("source") @Pattern(regexp = "[A-Za-z0-9._-]{1,100}") String source,
            @QueryParam("status")
                    @Pattern(
                            regexp = "RUNNING|OK|PARTIAL|FAILED|SKIPPED",
                            message = "must be RUNNING, OK, PARTIAL, FAILED or SKIPPED")
                    String status,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return jobs.history(source, status, limit);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Permissions.MARKET_DATA_READ)
    public MarketDataJobView job(@PathParam("id") long id) {
        return jobs.job(id).orElseThrow(() -> ApiException.notFound("market-data job", "id", String.valueOf(id)));
    }

    /** Starts runs in the background and answers 202 with the jobs; poll GET /jobs/{id} for the outcome. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Permissions.MARKET_DATA_REFRESH)
    public Response start(
            @Parameter(hidden = true) @Auth UserPrincipal user,
            @jakarta.validation.Valid StartJobs body,
            @Context HttpServletRequest request) {
        String source = body == null ? null : body.source();
        return Response.accepted(jobs.startNow(source, user.username(), Origins.of(request)))
                .build();
    }
}
