package org.jobpricing.server.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Set;
import org.jobpricing.server.api.JustificationRequest;
import org.jobpricing.server.api.PayGapReportView;
import org.jobpricing.server.auth.Permissions;
import org.jobpricing.server.auth.UserPrincipal;
import org.jobpricing.server.employees.EmployeeException;
import org.jobpricing.server.reports.PayGapExports;
import org.jobpricing.server.reports.PayGapReports;

/** The EU gender pay-gap report of a snapshot, as JSON, CSV, XLSX or PDF, and its justifications. */
@Path("/api/v1/reports/pay-gap")
public class PayGapReportResource {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final PayGapReports reports;

    public PayGapReportResource(PayGapReports reports) {
        this.reports = reports;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv", EmployeeResource.XLSX, "application/pdf"})
    @RolesAllowed(Permissions.EMPLOYEES_READ)
    public Response report(
            @Parameter(hidden = true) @Auth UserPrincipal user,
            @Parameter(description = "snapshot id, default the newest") @QueryParam("snapshot") String snapshot,
            @Parameter(description = "only employees of this country (ISO), under its policy") @QueryParam("country")
                    String country,
            @Parameter(description = "json (default), csv, xlsx or pdf") @QueryParam("format") String format,
            @Context HttpServletRequest request) {
        String as = format == null || format.isBlank() ? "json" : format.strip().toLowerCase(Locale.ROOT);
        if (!Set.of("json", "csv", "xlsx", "pdf").contains(as)) {
            throw EmployeeException.invalid("format", "must be json, csv, xlsx or pdf");
        }
        String place = null;
        if (country != null && !country.isBlank()) {
            place = country.strip().toUpperCase(Locale.ROOT);
            if (!COUNTRIES.contains(place)) {
                throw EmployeeException.invalid("country", "must be an ISO 3166 country code");
            }
        }
        PayGapReportView report = reports.report(snapshotId(snapshot), place, user.username(), Origins.of(request));
        String file = "pay-gap-snapshot-" + report.snapshot().id();
        return switch (as) {
            case "csv" -> attachment(PayGapExports.csv(report), "text/csv; charset=UTF-8", file + ".csv");
            case "xlsx" -> attachment(PayGapExports.xlsx(report), EmployeeResource.XLSX, file + ".xlsx");
            case "pdf" -> attachment(PayGapExports.pdf(report), "application/pdf", file + ".pdf");
            default -> Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
        };
    }

    /** Records why a flagged category's gap is justified (audited with its text); empty text withdraws it. */
    @PUT
    @Path("/justifications")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Permissions.EMPLOYEES_WRITE)
    public Response justify(
            @Parameter(hidden = true) @Auth UserPrincipal user,
            JustificationRequest body,
            @Context HttpServletRequest request) {
        if (body == null) {
            throw EmployeeException.invalid("body", "is required: {\"snapshot\", \"category\", \"justification\"}");
        }
        PayGapReportView.Justification saved = reports.justify(
                body.snapshot(), body.category(), body.justification(), user.username(), Origins.of(request));
        return saved == null ? Response.noContent().build() : Response.ok(saved).build();
    }

    private static Long snapshotId(String snapshot) {
        if (snapshot == null || snapshot.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(snapshot.strip());
        } catch (NumberFormatException e) {
            throw EmployeeException.invalid("snapshot", "must be a snapshot id (a whole number)");
        }
    }

    private static Response attachment(byte[] bytes, String type, String name) {
        return Response.ok(bytes, type)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }
}
