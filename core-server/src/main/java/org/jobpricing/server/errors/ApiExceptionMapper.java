package org.jobpricing.server.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Turns a domain failure into the error shape. */
public final class ApiExceptionMapper implements ExceptionMapper<ApiException> {

    @Override
    public Response toResponse(ApiException e) {
        return ErrorResponses.of(e.status(), e.error(), e.getMessage(), e.details());
    }
}
