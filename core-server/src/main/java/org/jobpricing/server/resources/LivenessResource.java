package org.jobpricing.server.resources;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.jobpricing.server.auth.Public;

/** Liveness: the process answers HTTP. Readiness (database, rules, plugins) is on the admin port. */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public class LivenessResource {

    @GET
    @Public
    public Map<String, String> live() {
        return Map.of("status", "UP");
    }
}
