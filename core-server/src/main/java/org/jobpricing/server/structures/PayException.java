package org.jobpricing.server.structures;

import java.util.List;

/**
 * A request about salary structures or job postings that cannot be carried out, and why: what kind
 * of failure, a machine code, a message and the details naming each problem. Mapped to the error
 * shape in {@code errors/}; the domain never speaks HTTP.
 */
public final class PayException extends RuntimeException {

    private static final long serialVersionUID = 1L;

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
     * where it is written (null when not about a rule).
     */
    public record Detail(String field, String message, String jurisdiction, String rule, String file, Integer line) {
        public static Detail of(String field, String message) {
            return new Detail(field, message, null, null, null, null);
        }
    }

    private final Kind kind;
    private final String code;
    private final transient List<Detail> details;

    public PayException(Kind kind, String code, String message, List<Detail> details) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.details = List.copyOf(details);
    }

    public static PayException invalid(String code, String field, String message) {
        return new PayException(Kind.INVALID, code, message, List.of(Detail.of(field, message)));
    }

    public static PayException notFound(String what, String field, String value) {
        return new PayException(
                Kind.NOT_FOUND,
                "NOT_FOUND",
                what + " " + value + " was not found",
                List.of(Detail.of(field, "no " + what + " has this " + field)));
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public List<Detail> details() {
        return details;
    }
}
