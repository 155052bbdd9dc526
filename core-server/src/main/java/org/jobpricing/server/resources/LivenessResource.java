package org.jobpricing.server.resources;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.jobpricing.server.auth.Public;
import org.jobpricing.server.http.NotRateLimited;

/**
 * Liveness: the process answers HTTP. Readiness (database, rules, plugins) is on the admin port. Probes
 * come from one address many times a minute, so no rate limit applies.
 */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public class LivenessResource {

    @GET
    @Public
    @NotRateLimited
    public Map<String, String> live() {
        return Map.of("status", "UP");
    }
}
