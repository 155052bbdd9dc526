package org.jobpricing.server.errors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Comparator;
import java.util.List;

/** Bean-validation failures of a request: a 400 listing every field and rule broken. */
public final class ValidationExceptionMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException e) {
        List<FieldError> details = e.getConstraintViolations().stream()
                .map(v -> new FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
        String message = details.size() == 1
                ? details.get(0).field() + " " + details.get(0).message()
                : details.size() + " fields are invalid";
        return ErrorResponses.of(400, "INVALID_REQUEST", message, details);
    }

    /** The request field a violation is about: the path below the method parameter, or "body"/the query name. */
    private static String field(ConstraintViolation<?> v) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.getIndex() != null) {
                    field.append('[').append(node.getIndex()).append(']');
                }
                if (node.getName() != null && node.getKind() == ElementKind.PROPERTY) {
                    field.append(field.length() == 0 ? "" : ".").append(node.getName());
                }
            }
        }
        if (field.length() > 0) {
            return field.toString();
        }
        if (parameter == null) {
            return "body";
        }
        // Jersey names parameters "query param limit", "path param id", "header X", "form field f"
        return parameter.replaceFirst("^(query param|path param|header|form field|cookie) ", "");
    }
}
