package org.jobpricing.server.errors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.glassfish.jersey.server.ParamException;
import org.jobpricing.server.auth.UserPrincipal;
import org.jobpricing.server.failures.FieldError;

/**
 * Framework errors (404, 405, 406, 415, …) in the same error shape. Their details name what was
 * wrong the way a body error names its field: the parameter, or the part of the HTTP request at fault
 * ({@code path}, {@code method}, {@code Accept}, {@code Content-Type}, {@code Authorization}).
 */
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    /** Longest piece of the request quoted back in a message. */
    private static final int QUOTE_MAX = 100;

    @Context
    private UriInfo uri;

    @Context
    private Request request;

    @Context
    private HttpHeaders headers;

    @Context
    private ResourceInfo resource;

    @Context
    private SecurityContext security;

    @Override
    public Response toResponse(WebApplicationException e) {
        if (e instanceof ParamException p) {
            return copyHeaders(e, parameter(p));
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        int code = status.getStatusCode();
        String error = status.getReasonPhrase().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
        return copyHeaders(e, ErrorResponses.of(code, error, message(code, e), List.of(detail(code, e))));
    }

    /**
     * A query, form, header or cookie value of the wrong type is the client's mistake: a 400 naming it
     * (JAX-RS would answer 404). A path segment that is no valid id stays a 404, naming the parameter.
     */
    private Response parameter(ParamException p) {
        String name = p.getParameterName();
        String value = p instanceof ParamException.QueryParamException && uri != null
                ? uri.getQueryParameters().getFirst(name)
                : p instanceof ParamException.PathParamException && uri != null
                        ? uri.getPathParameters().getFirst(name)
                        : null;
        String shown = value == null ? "the value" : "'" + quote(value) + "'";
        String expected = p.getCause() instanceof NumberFormatException ? "; a whole number is expected" : "";
        if (p instanceof ParamException.PathParamException) {
            return ErrorResponses.of(
                    404,
                    "NOT_FOUND",
                    "no resource has the " + name + " " + shown,
                    List.of(new FieldError(name, shown + " is not a valid " + name + expected)));
        }
        return ErrorResponses.of(
                400,
                "INVALID_PARAMETER",
                name + " is invalid: " + shown + expected,
                List.of(new FieldError(name, shown + " is not a valid value" + expected)));
    }

    private FieldError detail(int status, WebApplicationException e) {
        return switch (status) {
            case 401 ->
                new FieldError("Authorization", "is missing, malformed or expired; send 'Bearer <access token>'");
            case 403 -> new FieldError("Authorization", forbidden());
            case 404 -> new FieldError("path", "no route for " + method() + " " + path());
            case 405 -> new FieldError("method", method() + " is not allowed on " + path() + allowed(e));
            case 406 ->
                new FieldError(
                        "Accept", header(HttpHeaders.ACCEPT) + " cannot be answered by " + method() + " " + path());
            case 415 ->
                new FieldError(
                        "Content-Type",
                        header(HttpHeaders.CONTENT_TYPE) + " is not accepted by " + method() + " " + path());
            default ->
                hasBody()
                        ? new FieldError("body", "could not be read" + cause(e))
                        : new FieldError("request", "could not be processed" + cause(e));
        };
    }

    private String forbidden() {
        UserPrincipal user = security != null && security.getUserPrincipal() instanceof UserPrincipal u ? u : null;
        if (user != null && user.mustChangePassword()) {
            return "the password must be changed first (PUT /api/v1/auth/me/password)";
        }
        Method method = resource == null ? null : resource.getResourceMethod();
        RolesAllowed allowed = method == null ? null : method.getAnnotation(RolesAllowed.class);
        String who = user == null ? "this account" : "role " + user.role().name();
        return allowed == null
                ? who + " may not do this"
                : who + " does not have the permission " + String.join(" or ", allowed.value());
    }

    private static String allowed(WebApplicationException e) {
        TreeSet<String> methods = new TreeSet<>(e.getResponse().getAllowedMethods());
        return methods.isEmpty() ? "" : "; allowed: " + String.join(", ", methods);
    }

    private boolean hasBody() {
        return headers != null && (headers.getMediaType() != null || headers.getLength() > 0);
    }

    /** Jersey's own message says only "HTTP 400 Bad Request"; the cause says what it could not read. */
    private static String cause(WebApplicationException e) {
        Throwable cause = e.getCause();
        return cause == null || cause.getMessage() == null
                ? ""
                : ": " + quote(cause.getMessage().split("\n")[0]);
    }

    private String method() {
        return request == null ? "this method" : request.getMethod();
    }

    private String path() {
        return uri == null ? "this path" : quote(uri.getRequestUri().getRawPath());
    }

    /** The header's value quoted, or "no NAME" when the request has none. */
    private String header(String name) {
        String value = headers == null ? null : headers.getHeaderString(name);
        return value == null || value.isBlank() ? "no " + name : "'" + quote(value) + "'";
    }

    private static String quote(String value) {
        return value.length() <= QUOTE_MAX ? value : value.substring(0, QUOTE_MAX) + "…";
    }

    private static String message(int status, WebApplicationException e) {
        return switch (status) {
            case 401 -> "a valid bearer access token is required";
            case 403 -> "not allowed for this account";
            case 404 -> "no such resource";
            case 405 -> "this method is not allowed on this resource";
            case 406 -> "the requested representation is not available";
            case 415 -> "unsupported Content-Type for this resource";
            default -> e.getMessage() == null ? "request failed" : e.getMessage();
        };
    }

    private static Response copyHeaders(WebApplicationException e, Response mapped) {
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> mapped.getHeaders().add(name, v));
            }
        });
        return mapped;
    }
}
