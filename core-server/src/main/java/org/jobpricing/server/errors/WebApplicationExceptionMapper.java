package org.jobpricing.server.errors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.Locale;

/** Framework errors (404, 405, 406, 415, …) in the same error shape. */
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        String code = status.getReasonPhrase().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
        Response mapped = ErrorResponses.of(status.getStatusCode(), code, message(status.getStatusCode(), e), List.of());
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> mapped.getHeaders().add(name, v));
            }
        });
        return mapped;
    }

    private static String message(int status, WebApplicationException e) {
        return switch (status) {
            case 404 -> "no such resource";
            case 405 -> "this method is not allowed on this resource";
            case 406 -> "the requested representation is not available";
            case 415 -> "unsupported Content-Type for this resource";
            default -> e.getMessage() == null ? "request failed" : e.getMessage();
        };
    }
}
