package org.jobpricing.server.failures;

import java.util.List;

/** The thing named exists but cannot be used as asked (a plugin that did not load, settings it refuses). */
public class UnusableException extends DomainException {

    private static final long serialVersionUID = 1L;

    public UnusableException(String code, String message, List<?> details) {
        super(code, message, details);
    }

    public UnusableException(String code, String message) {
        super(code, message, List.of());
    }
}
