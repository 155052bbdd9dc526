package org.jobpricing.server.resources;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jobpricing.server.auth.Permissions;
import org.jobpricing.server.core.AreaSearch;
import org.jobpricing.server.errors.ApiException;
import org.jobpricing.server.failures.FieldError;

/** {@code GET /api/v1/areas?q=}: areas by code, name or state, with region and index (method §11). */
@Path("/api/v1/areas")
@Produces(MediaType.APPLICATION_JSON)
public class AreaResource {

    private final AreaSearch search;

    public AreaResource(AreaSearch search) {
        this.search = search;
    }

    @GET
    @RolesAllowed(Permissions.PRICING_READ)
    public List<AreaSearch.Area> find(@QueryParam("q") String q) {
        if (q == null || q.isBlank() || q.length() > 100) {
            throw ApiException.badRequest(
                    "INVALID_QUERY",
                    "q must be 1-100 characters: an area code (US-41860), a name (San Francisco, Austin, TX) or a state",
                    List.of(new FieldError("q", q == null || q.isBlank() ? "is required" : "is longer than 100")));
        }
        return search.find(q);
    }
}
