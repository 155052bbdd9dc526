package org.jobpricing.server.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.stream.Collectors;

/** Malformed or mistyped JSON: a 400 naming the field and what was wrong, never the parser's internals. */
public final class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {

    @Override
    public Response toResponse(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return ErrorResponses.of(400, "UNKNOWN_FIELD", "unknown field '" + u.getPropertyName() + "'",
                    List.of(new FieldError(path(u), "is not a field of this request; known fields: "
                            + u.getKnownPropertyIds())));
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return ErrorResponses.of(400, "INVALID_FIELD", "field '" + path(m) + "' has the wrong type or format",
                    List.of(new FieldError(path(m), m.getOriginalMessage().split("\n")[0])));
        }
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr();
        return ErrorResponses.of(400, "MALFORMED_JSON", "the request body is not valid JSON" + where,
                List.of(new FieldError("body", e.getOriginalMessage().split("\n")[0])));
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
