package org.jobpricing.server.http;

import io.dropwizard.auth.UnauthorizedHandler;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jobpricing.server.api.ErrorResponse;
import org.jobpricing.server.failures.FieldError;

/** 401 in the one error shape, with the {@code WWW-Authenticate: Bearer} challenge. */
public final class JsonUnauthorizedHandler implements UnauthorizedHandler {

    @Override
    public Response buildResponse(String prefix, String realm) {
        return Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, prefix + " realm=\"" + realm + "\"")
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse(
                        401,
                        "UNAUTHORIZED",
                        "a valid bearer access token is required",
                        List.of(new FieldError(
                                HttpHeaders.AUTHORIZATION,
                                "is missing, malformed or expired; send 'Bearer <access token>'"))))
                .build();
    }
}
