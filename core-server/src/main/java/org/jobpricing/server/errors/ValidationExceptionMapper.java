package org.jobpricing.server.errors;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Comparator;
import java.util.List;
import org.jobpricing.server.failures.FieldError;

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

    /** Names Dropwizard gives method parameters by their JAX-RS annotation; anything else is the entity. */
    private static final List<String> PARAMETER_PREFIXES =
            List.of("query param ", "path param ", "header ", "cookie ", "form field ", "matrix param ");

    /**
     * The request field a violation is about: the JSON path below the body (by the names the JSON uses),
     * the query, path, header or form parameter's own name, or "body" for the body as a whole.
     */
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
                    field.append(field.length() == 0 ? "" : ".").append(jsonName(v.getLeafBean(), node.getName()));
                }
            }
        }
        if (field.length() > 0) {
            return field.toString();
        }
        if (parameter == null) {
            return "body";
        }
        for (String prefix : PARAMETER_PREFIXES) {
            if (parameter.startsWith(prefix)) {
                return parameter.substring(prefix.length());
            }
        }
        return "body";
    }

    /** The name a property has in JSON: its {@code @JsonProperty} when it has one (refresh_token). */
    private static String jsonName(Object bean, String property) {
        if (bean == null) {
            return property;
        }
        try {
            JsonProperty json = bean.getClass().getDeclaredField(property).getAnnotation(JsonProperty.class);
            return json == null || json.value().isEmpty() ? property : json.value();
        } catch (NoSuchFieldException e) {
            return property;
        }
    }
}
