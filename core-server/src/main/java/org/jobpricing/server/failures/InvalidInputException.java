package org.jobpricing.server.failures;

import java.util.List;

/** A request, file, row or rule the caller sent is wrong; the details name the field, file or line. */
public class InvalidInputException extends DomainException {

    private static final long serialVersionUID = 1L;

    public InvalidInputException(String code, String message, List<?> details) {
        super(code, message, details);
    }

    public InvalidInputException(String code, String message) {
        super(code, message, List.of());
    }
}
