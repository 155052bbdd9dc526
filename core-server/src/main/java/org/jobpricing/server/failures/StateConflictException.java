package org.jobpricing.server.failures;

import java.util.List;

/** The request is valid but conflicts with the current state (a name taken, a job running, scenarios failing). */
public class StateConflictException extends DomainException {

    private static final long serialVersionUID = 1L;

    public StateConflictException(String code, String message, List<?> details) {
        super(code, message, details);
    }

    public StateConflictException(String code, String message) {
        super(code, message, List.of());
    }
}
