package org.jobpricing.server.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.jobpricing.server.auth.Permissions;
import org.jobpricing.server.auth.UserPrincipal;
import org.jobpricing.server.postings.Posting;
import org.jobpricing.server.postings.PostingChecker;
import org.jobpricing.server.postings.PostingService;
import org.jobpricing.server.postings.PostingViews;

/** Pay ranges for job postings per jurisdiction (stored with their criteria), and checks of ad texts. */
@Path("/api/v1/postings")
@Produces(MediaType.APPLICATION_JSON)
public class PostingResource {

    private final PostingService postings;
    private final PostingChecker checker;

    public PostingResource(PostingService postings, PostingChecker checker) {
        this.postings = postings;
        this.checker = checker;
    }

    /** The range to publish per jurisdiction of each work location; 201 with every range stored. */
    @POST
    @Path("/ranges")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Permissions.POSTINGS_WRITE)
    public Response ranges(
            @Parameter(hidden = true) @Auth UserPrincipal user,
            @Context HttpServletRequest http,
            @NotNull @Valid PostingViews.RangeRequest body) {
        Posting posting = postings.ranges(
                new PostingService.RangeCommand(
                        body.quoteId(),
                        body.structureId(),
                        body.grade(),
                        body.locations().stream()
                                .map(PostingViews.LocationRequest::location)
                                .toList(),
                        body.employees(),
                        body.period(),
                        body.range() == null
                                ? null
                                : new Posting.ProposedRange(
                                        body.range().min() == null
                                                ? null
                                                : body.range().min().doubleValue(),
                                        body.range().max() == null
                                                ? null
                                                : body.range().max().doubleValue(),
                                        body.range().currency(),
                                        body.range().period()),
                        body.benefits(),
                        body.applicationDeadline(),
                        body.note()),
                user.username(),
                Origins.of(http));
        return Response.created(UriBuilder.fromResource(PostingResource.class)
                        .path("ranges")
                        .path(posting.postingId())
                        .build())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(PostingViews.PostingView.of(posting))
                .build();
    }

    @GET
    @Path("/ranges/{id}")
    @RolesAllowed(Permissions.POSTINGS_READ)
    public PostingViews.PostingView posting(@PathParam("id") String id) {
        return PostingViews.PostingView.of(postings.find(id));
    }

    /** Stored ranges, newest first; {@code quoteId} keeps those of one quote. */
    @GET
    @Path("/ranges")
    @RolesAllowed(Permissions.POSTINGS_READ)
    public PostingViews.RangeList list(
            @QueryParam("quoteId") String quoteId,
            @Parameter(description = "1 to 500, default 50") @QueryParam("limit") String limit,
            @Parameter(description = "default 0") @QueryParam("offset") String offset) {
        int l = StructureResource.number("limit", limit, 50, 1, 500);
        int o = StructureResource.number("offset", offset, 0, 0, Integer.MAX_VALUE);
        return new PostingViews.RangeList(
                l,
                o,
                postings.latest(quoteId, l, o).stream()
                        .map(PostingViews.RangeView::of)
                        .toList());
    }

    /** What each jurisdiction of the ad's locations requires and the ad's text lacks. */
    @POST
    @Path("/check")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Permissions.POSTINGS_READ)
    public PostingViews.CheckView check(@NotNull @Valid PostingViews.CheckRequest body) {
        return PostingViews.CheckView.of(checker.check(
                body.text(),
                body.locations().stream()
                        .map(PostingViews.LocationRequest::location)
                        .toList(),
                body.employees()));
    }
}
