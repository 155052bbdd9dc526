package org.jobpricing.server.failures;

import java.time.Duration;
import java.util.List;

/** Too many failed sign-ins: the account refuses passwords until {@link #retryAfter()} has passed. */
public final class AccountLockedException extends DomainException {

    private static final long serialVersionUID = 1L;
    private final Duration retryAfter;

    public AccountLockedException(String message, Duration retryAfter) {
        super("TOO_MANY_REQUESTS", message, List.of());
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
