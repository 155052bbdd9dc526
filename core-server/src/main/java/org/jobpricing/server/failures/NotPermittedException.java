package org.jobpricing.server.failures;

import java.util.List;

/** The caller is signed in but their role may not make this change. */
public class NotPermittedException extends DomainException {

    private static final long serialVersionUID = 1L;

    public NotPermittedException(String code, String message, List<?> details) {
        super(code, message, details);
    }

    public NotPermittedException(String code, String message) {
        super(code, message, List.of());
    }
}
