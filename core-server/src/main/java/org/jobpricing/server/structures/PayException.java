package org.jobpricing.server.structures;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jobpricing.server.failures.DomainException;
import org.jobpricing.server.failures.EntityNotFoundException;
import org.jobpricing.server.failures.InvalidInputException;
import org.jobpricing.server.failures.StateConflictException;
import org.jobpricing.server.failures.UnusableException;

/**
 * A request about salary structures or job postings that cannot be carried out, and why: what kind
 * of failure, a machine code, a message and the details naming each problem. Mapped to the error
 * shape in {@code errors/}; the domain never speaks HTTP.
 */
public final class PayException {

    /** What kind of failure it is. */
    public enum Kind {
        /** The request is wrong (a field, a range that breaks a jurisdiction's rule). */
        INVALID,
        /** What the request names does not exist. */
        NOT_FOUND,
        /** The request conflicts with the stored state (publishing what is published). */
        CONFLICT,
        /** The request is fine but the policy tables cannot answer it (a grade without a spread). */
        POLICY
    }

    /**
     * One problem: the request field it is about and why; for a rule, the jurisdiction, the rule and
     * where it is written (left out when not about a rule).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Detail(String field, String message, String jurisdiction, String rule, String file, Integer line) {
        public static Detail of(String field, String message) {
            return new Detail(field, message, null, null, null, null);
        }
    }

    private PayException() {}

    /** The domain failure of this kind, which errors/DomainExceptionMapper answers like any other. */
    public static DomainException of(Kind kind, String code, String message, List<Detail> details) {
        return switch (kind) {
            case INVALID -> new InvalidInputException(code, message, details);
            case NOT_FOUND -> new EntityNotFoundException(code, message, details);
            case CONFLICT -> new StateConflictException(code, message, details);
            case POLICY -> new UnusableException(code, message, details);
        };
    }

    public static DomainException invalid(String code, String field, String message) {
        return of(Kind.INVALID, code, message, List.of(Detail.of(field, message)));
    }

    public static DomainException notFound(String what, String field, String value) {
        return of(
                Kind.NOT_FOUND,
                "NOT_FOUND",
                what + " " + value + " was not found",
                List.of(Detail.of(field, "no " + what + " has this " + field)));
    }
}
