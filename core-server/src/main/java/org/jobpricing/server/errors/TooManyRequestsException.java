package org.jobpricing.server.errors;

import java.time.Duration;
import java.util.List;

/** 429 with a Retry-After. */
public final class TooManyRequestsException extends ApiException {

    private static final long serialVersionUID = 1L;
    private final Duration retryAfter;

    public TooManyRequestsException(String message, Duration retryAfter) {
        super(429, "TOO_MANY_REQUESTS", message, List.of());
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, at least 1. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
