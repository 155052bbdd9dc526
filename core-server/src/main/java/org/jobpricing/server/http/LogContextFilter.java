package org.jobpricing.server.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import org.jobpricing.server.auth.UserPrincipal;
import org.slf4j.MDC;

/** Puts the signed-in user and the HTTP method and path in the log context (the request id is already there). */
@Priority(Priorities.AUTHORIZATION + 5)
public final class LogContextFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext().getUserPrincipal() instanceof UserPrincipal user) {
            MDC.put("user", user.username());
        }
        MDC.put("route", request.getMethod() + " /" + request.getUriInfo().getPath());
    }
}
