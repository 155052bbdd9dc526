package org.jobpricing.server.resources;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jobpricing.server.api.AuditEventView;
import org.jobpricing.server.audit.AuditLog;
import org.jobpricing.server.auth.Permissions;
import org.jobpricing.server.errors.ApiException;
import org.jobpricing.server.failures.FieldError;

/** The audit trail, newest first, filtered by actor, action and time range. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditLog audit;

    public AuditResource(AuditLog audit) {
        this.audit = audit;
    }

    @GET
    @RolesAllowed(Permissions.AUDIT_READ)
    public List<AuditEventView> events(
            @QueryParam("actor") String actor,
            @QueryParam("action") String action,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        return audit.find(
                blank(actor),
                blank(action),
                instant("from", from, Instant.EPOCH),
                instant("to", to, Instant.parse("9999-12-31T00:00:00Z")),
                limit,
                offset);
    }

    private static String blank(String v) {
        return v == null || v.isBlank() ? null : v;
    }

    private static Instant instant(String field, String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(
                    "INVALID_REQUEST",
                    field + " must be an ISO instant such as 2026-01-01T00:00:00Z",
                    List.of(new FieldError(field, "must be an ISO instant")));
        }
    }
}
