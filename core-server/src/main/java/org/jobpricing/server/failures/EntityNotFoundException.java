package org.jobpricing.server.failures;

import java.util.List;

/** The quote, user, version or plugin named does not exist. */
public final class EntityNotFoundException extends DomainException {

    private static final long serialVersionUID = 1L;

    public EntityNotFoundException(String code, String message, List<?> details) {
        super(code, message, details);
    }

    public EntityNotFoundException(String what) {
        super("NOT_FOUND", what + " was not found", List.of());
    }

    /** Names the request field (a path parameter, usually) whose value matches nothing. */
    public EntityNotFoundException(String what, String field, String value) {
        super(
                "NOT_FOUND",
                what + " " + value + " was not found",
                List.of(new FieldError(field, "no " + what + " has this " + field)));
    }
}
