package org.jobpricing.server.failures;

import java.util.List;

/** The credentials or token presented do not identify an active account. */
public class AuthenticationFailedException extends DomainException {

    private static final long serialVersionUID = 1L;

    public AuthenticationFailedException(String code, String message, List<?> details) {
        super(code, message, details);
    }

    public AuthenticationFailedException(String code, String message) {
        super(code, message, List.of());
    }
}
