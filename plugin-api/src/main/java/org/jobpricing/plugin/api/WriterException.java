package org.jobpricing.plugin.api;

/** Why a {@link JobWriter} could not answer, in terms the host can turn into an HTTP status. */
public final class WriterException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The kind of failure. */
    public enum Kind {
        /** No endpoint, model or key configured. */
        NOT_CONFIGURED,
        /** The provider refused the credentials (401/403). */
        UNAUTHORIZED,
        /** The provider did not answer in time. */
        TIMEOUT,
        /** The provider answered something unusable (malformed JSON, empty text). */
        BAD_RESPONSE,
        /** The provider failed (5xx, connection refused, rate limited after retries). */
        UNAVAILABLE
    }

    private final Kind kind;

    public WriterException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
