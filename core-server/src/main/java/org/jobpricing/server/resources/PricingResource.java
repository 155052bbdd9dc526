package org.jobpricing.server.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.jobpricing.server.api.PricingRequest;
import org.jobpricing.server.api.QuoteList;
import org.jobpricing.server.api.QuoteResponse;
import org.jobpricing.server.auth.Permissions;
import org.jobpricing.server.auth.UserPrincipal;
import org.jobpricing.server.core.PricingService;
import org.jobpricing.server.core.QuoteHistory;

/** Prices jobs, returns a stored quote and lists the stored quotes. */
@Path("/api/v1/pricing/quotes")
@Produces(MediaType.APPLICATION_JSON)
public class PricingResource {

    private final PricingService pricing;
    private final QuoteHistory history;

    public PricingResource(PricingService pricing, QuoteHistory history) {
        this.pricing = pricing;
        this.history = history;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Permissions.PRICING_CREATE)
    public Response price(@Parameter(hidden = true) @Auth UserPrincipal user, @NotNull @Valid PricingRequest request) {
        // the stored JSON is the answer: serialised once, and GET /{id} returns the same quote
        PricingService.StoredQuote stored = pricing.price(request, user.username());
        return Response.created(UriBuilder.fromResource(PricingResource.class)
                        .path(stored.quote().id())
                        .build())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(stored.json())
                .build();
    }

    /**
     * The stored quotes, newest first. Every filter is optional and exact; {@code from} and {@code to} are
     * ISO dates (UTC) of creation, both included; {@code limit} 1 to 500 (default 50).
     */
    @GET
    @RolesAllowed(Permissions.PRICING_READ)
    public QuoteList list(
            @QueryParam("occupationCode") String occupationCode,
            @QueryParam("level") String level,
            @QueryParam("country") String country,
            @QueryParam("author") String author,
            @QueryParam("rulesetVersion") String rulesetVersion,
            @Parameter(description = "ISO date (UTC), included") @QueryParam("from") String from,
            @Parameter(description = "ISO date (UTC), included") @QueryParam("to") String to,
            @Parameter(description = "1 to 500, default 50") @QueryParam("limit") String limit,
            @Parameter(description = "default 0") @QueryParam("offset") String offset) {
        return history.find(
                QuoteListParams.query(occupationCode, level, country, author, rulesetVersion, from, to, limit, offset));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Permissions.PRICING_READ)
    public QuoteResponse get(@PathParam("id") String id) {
        return pricing.find(id);
    }
}
