package org.jobpricing.server.errors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.jobpricing.server.failures.FieldError;

/** Malformed or mistyped JSON: a 400 naming the field and what was wrong, never the parser's internals. */
public final class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {

    @Override
    public Response toResponse(JsonProcessingException e) {
        FieldError detail = detail(e);
        if (e instanceof UnrecognizedPropertyException u) {
            return ErrorResponses.of(
                    400, "UNKNOWN_FIELD", "unknown field '" + u.getPropertyName() + "'", List.of(detail));
        }
        if (e instanceof JsonMappingException m
                && !(e.getCause() instanceof JsonParseException)
                && !(e instanceof JsonParseException)) {
            String field = detail.field();
            return ErrorResponses.of(
                    400,
                    "INVALID_FIELD",
                    field.equals("body")
                            ? "the request body has the wrong type"
                            : "field '" + field + "' has the wrong type or format",
                    List.of(detail));
        }
        String where = e.getLocation() == null
                ? ""
                : " at line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr();
        return ErrorResponses.of(400, "MALFORMED_JSON", "the request body is not valid JSON" + where, List.of(detail));
    }

    /**
     * What is wrong, and where: the JSON path of the value ({@code skills}, {@code [3].title}) or
     * {@code body}. Also used for the rows of a JSON batch.
     */
    public static FieldError detail(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return new FieldError(
                    path(u, "body"), "is not a field of this request; known fields: " + u.getKnownPropertyIds());
        }
        if (e instanceof JsonMappingException m
                && !(e instanceof JsonParseException)
                && !(e.getCause() instanceof JsonParseException)) {
            return new FieldError(path(m, "body"), expectation(m));
        }
        return new FieldError("body", e.getOriginalMessage().split("\n")[0]);
    }

    /** "must be …" from the type Jackson wanted, without Java class names. */
    private static String expectation(JsonMappingException e) {
        Class<?> type = e instanceof MismatchedInputException mi ? mi.getTargetType() : null;
        String got =
                e instanceof InvalidFormatException f && f.getValue() != null ? ", got '" + f.getValue() + "'" : "";
        if (type == null) {
            return e.getOriginalMessage().split("\n")[0];
        }
        return "must be " + describe(type) + got;
    }

    private static String describe(Class<?> type) {
        if (type == String.class || type == Character.class || type == char.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        if (type == LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO date-time";
        }
        if (type.isEnum()) {
            return "one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining(", "));
        }
        return "a JSON object";
    }

    private static String path(JsonMappingException e, String root) {
        if (e.getPath().isEmpty()) {
            return root;
        }
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
