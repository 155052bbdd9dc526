package org.jobpricing.server.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.jobpricing.server.employees.EmployeeException;

/** Turns a refused employee-data request into the error shape: 400 for bad input, 404 for unknown ids. */
public final class EmployeeExceptionMapper implements ExceptionMapper<EmployeeException> {

    @Override
    public Response toResponse(EmployeeException e) {
        int status = e.kind() == EmployeeException.Kind.NOT_FOUND ? 404 : 400;
        return ErrorResponses.of(status, e.code(), e.getMessage(), e.details());
    }
}
