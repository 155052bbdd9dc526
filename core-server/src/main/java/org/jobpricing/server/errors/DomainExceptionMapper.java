package org.jobpricing.server.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.jobpricing.server.failures.AccountLockedException;
import org.jobpricing.server.failures.AuthenticationFailedException;
import org.jobpricing.server.failures.CannotPriceException;
import org.jobpricing.server.failures.DomainException;
import org.jobpricing.server.failures.EntityNotFoundException;
import org.jobpricing.server.failures.InvalidInputException;
import org.jobpricing.server.failures.NotPermittedException;
import org.jobpricing.server.failures.StateConflictException;
import org.jobpricing.server.failures.UnusableException;
import org.jobpricing.server.failures.UpstreamFailureException;

/** The one place a domain failure becomes an HTTP status and the error shape. */
public final class DomainExceptionMapper implements ExceptionMapper<DomainException> {

    @Override
    public Response toResponse(DomainException e) {
        int status = status(e);
        Response response = ErrorResponses.of(status, e.code(), e.getMessage(), e.details());
        if (e instanceof AccountLockedException locked) {
            response.getHeaders().add("Retry-After", String.valueOf(seconds(locked)));
        }
        if (status == 401) {
            response.getHeaders().add("WWW-Authenticate", "Bearer realm=\"job-pricing\"");
        }
        return response;
    }

    /** The status of a domain failure: by its kind, never by its message. */
    public static int status(DomainException e) {
        if (e instanceof InvalidInputException) {
            return 400;
        }
        if (e instanceof AuthenticationFailedException) {
            return 401;
        }
        if (e instanceof NotPermittedException) {
            return 403;
        }
        if (e instanceof EntityNotFoundException) {
            return 404;
        }
        if (e instanceof StateConflictException) {
            return 409;
        }
        if (e instanceof CannotPriceException || e instanceof UnusableException) {
            return 422;
        }
        if (e instanceof AccountLockedException) {
            return 429;
        }
        if (e instanceof UpstreamFailureException upstream) {
            switch (upstream.reason()) {
                case TIMEOUT:
                    return 504;
                case BAD_RESPONSE:
                case REFUSED:
                    return 502;
                default:
                    return 503;
            }
        }
        return 500;
    }

    private static long seconds(AccountLockedException e) {
        return Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
    }
}
