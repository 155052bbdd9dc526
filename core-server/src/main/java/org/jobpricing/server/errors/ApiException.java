package org.jobpricing.server.errors;

import java.util.List;
import org.jobpricing.server.failures.FieldError;

/**
 * A failure the client can act on: an HTTP status, a machine code, a message and the details
 * (fields, lines, exclusions) that explain it.
 */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final int status;
    private final String error;
    private final transient List<?> details;

    public ApiException(int status, String error, String message, List<?> details) {
        super(message);
        this.status = status;
        this.error = error;
        this.details = details == null ? List.of() : List.copyOf(details);
    }

    public static ApiException badRequest(String error, String message, List<?> details) {
        return new ApiException(400, error, message, details);
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "NOT_FOUND", what + " was not found", List.of());
    }

    /** A 404 naming the request field (a path parameter, usually) whose value matches nothing. */
    public static ApiException notFound(String what, String field, String value) {
        return new ApiException(
                404,
                "NOT_FOUND",
                what + " " + value + " was not found",
                List.of(new FieldError(field, "no " + what + " has this " + field)));
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public List<?> details() {
        return details;
    }
}
