package org.jobpricing.server.employees;

import java.util.List;
import org.jobpricing.server.failures.DomainException;
import org.jobpricing.server.failures.EntityNotFoundException;
import org.jobpricing.server.failures.FieldError;
import org.jobpricing.server.failures.InvalidInputException;

/** The failures of the employee-pay use cases (a bad roster, an unknown snapshot, a bad value), as domain failures. */
public final class EmployeeException {

    private EmployeeException() {}

    /** A roster with problems: each one a {@code Problem} naming its line and column (nothing is stored). */
    public static DomainException invalidRoster(String message, List<?> problems) {
        return new InvalidInputException("INVALID_ROSTER", message, problems);
    }

    /** A request field (a query or path parameter, or a body field) with a bad value. */
    public static DomainException invalid(String field, String message) {
        return new InvalidInputException(
                "INVALID_REQUEST", field + " " + message, List.of(new FieldError(field, message)));
    }

    /** Nothing has this id; {@code field} names the parameter that held it. */
    public static DomainException notFound(String what, String field) {
        return new EntityNotFoundException(
                "NOT_FOUND",
                what + " was not found",
                List.of(new FieldError(field, "no " + what + " has this " + field)));
    }
}
