package org.jobpricing.server.errors;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jobpricing.server.api.ErrorResponse;

/** Builds the JSON error response every mapper returns. */
final class ErrorResponses {

    private ErrorResponses() {}

    static Response of(int status, String error, String message, List<?> details) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse(status, error, message, details == null ? List.of() : details))
                .build();
    }
}
