package org.jobpricing.server.failures;

import java.util.List;

/**
 * A failure of a use case, in the domain's words: a machine code, a message and the details (fields, lines,
 * exclusions) that explain it. The domain never names an HTTP status; {@code errors.DomainExceptionMapper} alone
 * decides it from the kind of failure.
 */
public abstract class DomainException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String code;
    private final transient List<?> details;

    protected DomainException(String code, String message, List<?> details) {
        super(message);
        this.code = code;
        this.details = details == null ? List.of() : List.copyOf(details);
    }

    /** The machine code clients switch on, such as {@code UNKNOWN_LEVEL}. */
    public String code() {
        return code;
    }

    public List<?> details() {
        return details;
    }
}
