package org.jobpricing.server.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jobpricing.server.api.EmployeeViews;
import org.jobpricing.server.auth.Permissions;
import org.jobpricing.server.auth.UserPrincipal;
import org.jobpricing.server.employees.EmployeeException;
import org.jobpricing.server.employees.EmployeeService;

/**
 * Employee pay: roster imports (CSV or XLSX) as dated snapshots, the employees of a snapshot against
 * their bands, its aggregates against the market, and erasure. Readable by {@code employees:read},
 * changed by {@code employees:write}; every read of individual rows is audited.
 */
@Path("/api/v1/employees")
@Produces(MediaType.APPLICATION_JSON)
public class EmployeeResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final EmployeeService employees;

    public EmployeeResource(EmployeeService employees) {
        this.employees = employees;
    }

    /** Imports a roster as a new snapshot; any bad line → 400 naming every bad line, nothing stored. */
    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, XLSX, MediaType.APPLICATION_OCTET_STREAM})
    @RolesAllowed(Permissions.EMPLOYEES_WRITE)
    public Response importRoster(
            @Parameter(hidden = true) @Auth UserPrincipal user,
            @Parameter(description = "ISO date of the roster, default today (UTC)") @QueryParam("asOf") String asOf,
            @Parameter(description = "a name for the snapshot, up to 200 characters") @QueryParam("label") String label,
            byte[] body,
            @Context HttpServletRequest request) {
        if (body == null || body.length == 0) {
            throw EmployeeException.invalid("body", "is empty: send the roster as CSV or XLSX");
        }
        if (label != null && label.length() > 200) {
            throw EmployeeException.invalid("label", "has at most 200 characters");
        }
        EmployeeViews.Snapshot snapshot = employees.importRoster(
                body, date("asOf", asOf), blankToNull(label), user.username(), Origins.of(request));
        return Response.created(UriBuilder.fromResource(EmployeeResource.class)
                        .path("snapshots")
                        .path(String.valueOf(snapshot.id()))
                        .build())
                .entity(snapshot)
                .build();
    }

    /** The snapshots, newest roster date first (counts only: no individual rows). */
    @GET
    @RolesAllowed(Permissions.EMPLOYEES_READ)
    public EmployeeViews.SnapshotList snapshots(
            @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        return employees.snapshots(
                bounded("limit", limit, 50, 1, 500), bounded("offset", offset, 0, 0, Integer.MAX_VALUE));
    }

    @GET
    @Path("/snapshots/{id}")
    @RolesAllowed(Permissions.EMPLOYEES_READ)
    public EmployeeViews.Snapshot snapshot(@PathParam("id") String id) {
        return employees.snapshot(id(id));
    }

    /** The employees of a snapshot against their bands (audited). */
    @GET
    @Path("/snapshots/{id}/employees")
    @RolesAllowed(Permissions.EMPLOYEES_READ)
    public EmployeeViews.EmployeePage employees(
            @Parameter(hidden = true) @Auth UserPrincipal user,
            @PathParam("id") String id,
            @QueryParam("limit") String limit,
            @QueryParam("offset") String offset,
            @Parameter(description = "latest (a stored quote when there is one, default) or fresh") @QueryParam("bands")
                    String bands,
            @Context HttpServletRequest request) {
        return employees.employees(
                id(id),
                bounded("limit", limit, 100, 1, 1000),
                bounded("offset", offset, 0, 0, Integer.MAX_VALUE),
                fresh(bands),
                user.username(),
                Origins.of(request));
    }

    /** Compa-ratio and range position of the snapshot: totals and P10-P90 per job, level, location, grade. */
    @GET
    @Path("/snapshots/{id}/market-position")
    @RolesAllowed(Permissions.EMPLOYEES_READ)
    public EmployeeViews.MarketPosition marketPosition(
            @Parameter(hidden = true) @Auth UserPrincipal user,
            @PathParam("id") String id,
            @QueryParam("bands") String bands,
            @Context HttpServletRequest request) {
        return employees.marketPosition(id(id), fresh(bands), user.username(), Origins.of(request));
    }

    /** Erases a snapshot and everything of it. */
    @DELETE
    @Path("/snapshots/{id}")
    @RolesAllowed(Permissions.EMPLOYEES_WRITE)
    public Response deleteSnapshot(
            @Parameter(hidden = true) @Auth UserPrincipal user,
            @PathParam("id") String id,
            @Context HttpServletRequest request) {
        employees.deleteSnapshot(id(id), user.username(), Origins.of(request));
        return Response.noContent().build();
    }

    /** Erases one employee, by the key their rows are listed with, from every snapshot. */
    @DELETE
    @Path("/{employeeKey}")
    @RolesAllowed(Permissions.EMPLOYEES_WRITE)
    public EmployeeViews.Erasure erase(
            @Parameter(hidden = true) @Auth UserPrincipal user,
            @PathParam("employeeKey") String employeeKey,
            @Context HttpServletRequest request) {
        return employees.eraseByKey(employeeKey, user.username(), Origins.of(request));
    }

    /** Erases one employee, by their id sent in the body (never in a URL), from every snapshot. */
    @POST
    @Path("/erasures")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Permissions.EMPLOYEES_WRITE)
    public EmployeeViews.Erasure eraseById(
            @Parameter(hidden = true) @Auth UserPrincipal user,
            EmployeeViews.ErasureRequest body,
            @Context HttpServletRequest request) {
        return employees.eraseById(body == null ? null : body.employeeId(), user.username(), Origins.of(request));
    }

    static long id(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw EmployeeException.notFound("employee snapshot " + id, "id");
        }
    }

    static boolean fresh(String bands) {
        if (bands == null || bands.isBlank() || bands.equals("latest")) {
            return false;
        }
        if (bands.equals("fresh")) {
            return true;
        }
        throw EmployeeException.invalid("bands", "must be latest or fresh");
    }

    static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw EmployeeException.invalid(field, "must be an ISO date (YYYY-MM-DD)");
        }
    }

    static int bounded(String field, String value, int otherwise, int min, int max) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number < min || number > max) {
                throw EmployeeException.invalid(field, "must be from " + min + " to " + max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw EmployeeException.invalid(field, "must be a whole number");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
