package org.jobpricing.server.failures;

import java.util.List;

/** A service the engine relies on (an LLM, an enricher) is missing, refuses, answers badly or too late. */
public final class UpstreamFailureException extends DomainException {

    /** What went wrong with the service. */
    public enum Reason {
        NOT_CONFIGURED,
        UNAVAILABLE,
        REFUSED,
        BAD_RESPONSE,
        TIMEOUT
    }

    private static final long serialVersionUID = 1L;
    private final Reason reason;

    public UpstreamFailureException(Reason reason, String code, String message) {
        super(code, message, List.of());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
