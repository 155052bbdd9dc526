package org.jobpricing.server.failures;

import java.util.List;

/** A fault of the server itself, not of the request (a rule set that throws, an unreadable directory). */
public class InternalFailureException extends DomainException {

    private static final long serialVersionUID = 1L;

    public InternalFailureException(String code, String message, List<?> details) {
        super(code, message, details);
    }

    public InternalFailureException(String code, String message) {
        super(code, message, List.of());
    }
}
