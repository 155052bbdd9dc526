package org.jobpricing.server.errors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.UUID;
import org.jobpricing.server.failures.FieldError;
import org.jobpricing.server.http.LimitedBodyRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Anything else is a bug: a terse 500 with a log id the operator can search for, never a stack trace. */
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    private final ErrorReporter reporter;

    @jakarta.ws.rs.core.Context
    private jakarta.ws.rs.core.SecurityContext security;

    public UnexpectedExceptionMapper(ErrorReporter reporter) {
        this.reporter = reporter;
    }

    @Override
    public Response toResponse(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof LimitedBodyRequest.TooLarge) {
                return ErrorResponses.of(
                        413,
                        "PAYLOAD_TOO_LARGE",
                        "the request body is too large",
                        List.of(new FieldError("body", "is larger than the server accepts")));
            }
        }
        if (e instanceof WebApplicationException w) {
            return new WebApplicationExceptionMapper().toResponse(w);
        }
        String logId = UUID.randomUUID().toString();
        LOG.error("unexpected error, log id {}", logId, e);
        String userId =
                security != null && security.getUserPrincipal() instanceof org.jobpricing.server.auth.UserPrincipal u
                        ? u.id()
                        : null;
        reporter.report(e, org.slf4j.MDC.get(org.jobpricing.server.http.RequestHygieneFilter.MDC_KEY), userId, logId);
        return ErrorResponses.of(500, "INTERNAL_ERROR", "unexpected server error; log id " + logId, List.of());
    }
}
