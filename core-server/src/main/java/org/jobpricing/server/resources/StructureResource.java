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
import java.util.List;
import java.util.Locale;
import org.jobpricing.server.auth.Permissions;
import org.jobpricing.server.auth.UserPrincipal;
import org.jobpricing.server.errors.ApiException;
import org.jobpricing.server.failures.FieldError;
import org.jobpricing.server.structures.MarketComparison;
import org.jobpricing.server.structures.PayStructure;
import org.jobpricing.server.structures.StructureExport;
import org.jobpricing.server.structures.StructureService;
import org.jobpricing.server.structures.StructureViews;

/** Salary structures: build, list, read, edit into a new version, compare with the market, export, publish. */
@Path("/api/v1/structures")
@Produces(MediaType.APPLICATION_JSON)
public class StructureResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private final StructureService structures;

    public StructureResource(StructureService structures) {
        this.structures = structures;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Permissions.STRUCTURES_WRITE)
    public Response build(
            @Parameter(hidden = true) @Auth UserPrincipal user,
            @Context HttpServletRequest http,
            @NotNull @Valid StructureViews.BuildRequest body) {
        PayStructure built = structures.build(
                new StructureService.BuildCommand(
                        body.name(),
                        body.currency(),
                        body.area(),
                        body.geoTier(),
                        body.method(),
                        body.grades(),
                        body.progression(),
                        body.firstMid(),
                        body.jobs().stream()
                                .map(j -> new StructureService.JobInput(j.quoteId(), j.request(), j.score()))
                                .toList(),
                        body.note()),
                user.username(),
                Origins.of(http));
        return created(built);
    }

    @GET
    @RolesAllowed(Permissions.STRUCTURES_READ)
    public StructureViews.StructureList list(
            @Parameter(description = "1 to 500, default 50") @QueryParam("limit") String limit,
            @Parameter(description = "default 0") @QueryParam("offset") String offset) {
        int l = number("limit", limit, 50, 1, 500);
        int o = number("offset", offset, 0, 0, Integer.MAX_VALUE);
        StructureService.Page page = structures.list(l, o);
        return new StructureViews.StructureList(
                page.total(),
                l,
                o,
                page.items().stream().map(StructureViews.StructureSummary::of).toList());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Permissions.STRUCTURES_READ)
    public StructureViews.StructureView get(@PathParam("id") String id) {
        return StructureViews.StructureView.of(structures.get(id));
    }

    /** Moves jobs and adjusts grades; the answer is the new version (201). */
    @POST
    @Path("/{id}/edits")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Permissions.STRUCTURES_WRITE)
    public Response edit(
            @Parameter(hidden = true) @Auth UserPrincipal user,
            @Context HttpServletRequest http,
            @PathParam("id") String id,
            @NotNull @Valid StructureViews.EditRequest body) {
        PayStructure next = structures.edit(
                id,
                new StructureService.EditCommand(
                        body.moves() == null
                                ? List.of()
                                : body.moves().stream()
                                        .map(m -> new StructureService.Move(m.quoteId(), m.grade()))
                                        .toList(),
                        body.grades() == null
                                ? List.of()
                                : body.grades().stream()
                                        .map(g -> new StructureService.GradeChange(
                                                g.grade(),
                                                g.min().doubleValue(),
                                                g.mid().doubleValue(),
                                                g.max().doubleValue()))
                                        .toList(),
                        body.note()),
                user.username(),
                Origins.of(http));
        return created(next);
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed(Permissions.STRUCTURES_WRITE)
    public StructureViews.StructureView publish(
            @Parameter(hidden = true) @Auth UserPrincipal user,
            @Context HttpServletRequest http,
            @PathParam("id") String id) {
        return StructureViews.StructureView.of(structures.publish(id, user.username(), Origins.of(http)));
    }

    /** The structure against the market: per grade, the slotted jobs' market figures; per job, its deviation. */
    @GET
    @Path("/{id}/compare")
    @RolesAllowed(Permissions.STRUCTURES_READ)
    public StructureViews.ComparisonView compare(@PathParam("id") String id) {
        return StructureViews.ComparisonView.of(MarketComparison.of(structures.get(id)));
    }

    /** {@code format=csv} (default; {@code part=grades} or {@code jobs}) or {@code format=xlsx} (both sheets). */
    @GET
    @Path("/{id}/export")
    @Produces({"text/csv", XLSX, MediaType.APPLICATION_JSON})
    @RolesAllowed(Permissions.STRUCTURES_READ)
    public Response export(
            @PathParam("id") String id,
            @Parameter(description = "csv (default) or xlsx") @QueryParam("format") String format,
            @Parameter(description = "csv only: grades (default) or jobs") @QueryParam("part") String part) {
        String f = format == null ? "csv" : format.toLowerCase(Locale.ROOT);
        String p = part == null ? "grades" : part.toLowerCase(Locale.ROOT);
        if (!f.equals("csv") && !f.equals("xlsx")) {
            throw field("format", "must be csv or xlsx");
        }
        if (!p.equals("grades") && !p.equals("jobs")) {
            throw field("part", "must be grades or jobs");
        }
        PayStructure s = structures.get(id);
        String base = (s.name() + "-v" + s.version()).replaceAll("[^A-Za-z0-9._-]+", "-");
        if (f.equals("xlsx")) {
            return Response.ok(StructureExport.xlsx(s), XLSX)
                    .header("Content-Disposition", "attachment; filename=\"" + base + ".xlsx\"")
                    .build();
        }
        String csv = p.equals("jobs") ? StructureExport.jobsCsv(s) : StructureExport.gradesCsv(s);
        return Response.ok(StructureExport.bytes(csv), "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + base + "-" + p + ".csv\"")
                .build();
    }

    private static Response created(PayStructure s) {
        return Response.created(UriBuilder.fromResource(StructureResource.class)
                        .path(s.id())
                        .build())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(StructureViews.StructureView.of(s))
                .build();
    }

    static int number(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                throw field(name, "must be from " + min + " to " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw field(name, "must be a whole number");
        }
    }

    static ApiException field(String name, String message) {
        return ApiException.badRequest(
                "INVALID_PARAMETER", name + " " + message, List.of(new FieldError(name, message)));
    }
}
