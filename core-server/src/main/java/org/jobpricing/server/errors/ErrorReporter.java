package org.jobpricing.server.errors;

/** Where unexpected errors are reported besides the log (Sentry when configured). */
public interface ErrorReporter {

    /** Reports an unexpected error with the request id and the user id (either may be null); never a body. */
    void report(Throwable error, String requestId, String userId, String logId);

    /** Reports nothing. */
    ErrorReporter NONE = (error, requestId, userId, logId) -> {};
}
