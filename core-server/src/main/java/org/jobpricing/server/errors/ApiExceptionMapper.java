package org.jobpricing.server.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Turns a domain failure into the error shape. */
public final class ApiExceptionMapper implements ExceptionMapper<ApiException> {

    @Override
    public Response toResponse(ApiException e) {
        Response response = ErrorResponses.of(e.status(), e.error(), e.getMessage(), e.details());
        if (e instanceof TooManyRequestsException tooMany) {
            response.getHeaders().add("Retry-After", String.valueOf(tooMany.retryAfterSeconds()));
        }
        if (e.status() == 401) {
            response.getHeaders().add("WWW-Authenticate", "Bearer realm=\"job-pricing\"");
        }
        return response;
    }
}
