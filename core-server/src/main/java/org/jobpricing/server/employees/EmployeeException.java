package org.jobpricing.server.employees;

import java.util.List;

/** A request about employee data that cannot be done: a bad roster, an unknown snapshot, a bad value. */
public final class EmployeeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong; the error mapper turns each into its status. */
    public enum Kind {
        /** The roster file has bad lines or columns (400, every problem listed, nothing stored). */
        INVALID_ROSTER,
        /** A parameter or body field is not valid (400). */
        INVALID_REQUEST,
        /** No such snapshot or employee (404). */
        NOT_FOUND
    }

    private final Kind kind;
    private final String code;
    private final transient List<?> details;

    public EmployeeException(Kind kind, String code, String message, List<?> details) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.details = details == null ? List.of() : List.copyOf(details);
    }

    /** A roster with problems: each one a {@code Problem} naming its line and column. */
    public static EmployeeException invalidRoster(String message, List<?> problems) {
        return new EmployeeException(Kind.INVALID_ROSTER, "INVALID_ROSTER", message, problems);
    }

    /** A request field (a query or path parameter, or a body field) with a bad value. */
    public static EmployeeException invalid(String field, String message) {
        return new EmployeeException(
                Kind.INVALID_REQUEST, "INVALID_REQUEST", field + " " + message, List.of(new Field(field, message)));
    }

    /** Nothing has this id; {@code field} names the parameter that held it. */
    public static EmployeeException notFound(String what, String field) {
        return new EmployeeException(
                Kind.NOT_FOUND,
                "NOT_FOUND",
                what + " was not found",
                List.of(new Field(field, "no " + what + " has this " + field)));
    }

    /** A field detail, shaped like the error shape's field details. */
    public record Field(String field, String message) {}

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public List<?> details() {
        return details;
    }
}
