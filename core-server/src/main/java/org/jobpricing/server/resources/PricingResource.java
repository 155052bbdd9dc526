package org.jobpricing.server.resources;

import com.codahale.metrics.annotation.ExceptionMetered;
import com.codahale.metrics.annotation.Timed;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.jobpricing.server.api.PricingRequest;
import org.jobpricing.server.api.QuoteResponse;
import org.jobpricing.server.auth.Permissions;
import org.jobpricing.server.core.PricingService;

/** Prices jobs and returns stored quotes. */
@Path("/api/v1/pricing/quotes")
@Produces(MediaType.APPLICATION_JSON)
public class PricingResource {

    private final PricingService pricing;

    public PricingResource(PricingService pricing) {
        this.pricing = pricing;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Permissions.PRICING_CREATE)
    @Timed
    @ExceptionMetered
    public Response price(@NotNull @Valid PricingRequest request) {
        // the stored JSON is the answer: serialised once, and GET /{id} returns the same quote
        PricingService.StoredQuote stored = pricing.price(request);
        return Response.created(UriBuilder.fromResource(PricingResource.class).path(stored.quote().id()).build())
                .type(MediaType.APPLICATION_JSON_TYPE).entity(stored.json()).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Permissions.PRICING_READ)
    @Timed
    public QuoteResponse get(@PathParam("id") String id) {
        return pricing.find(id);
    }
}
