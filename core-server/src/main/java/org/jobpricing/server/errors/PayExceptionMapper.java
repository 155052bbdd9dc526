package org.jobpricing.server.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jobpricing.server.structures.PayException;

/**
 * Structures and postings failures in the error shape: invalid 400, not found 404, conflict 409, a
 * policy table that cannot answer 422. Each detail names the field, and for a rule the
 * jurisdiction, the rule, its file and line.
 */
public final class PayExceptionMapper implements ExceptionMapper<PayException> {

    @Override
    public Response toResponse(PayException e) {
        int status = switch (e.kind()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case POLICY -> 422;
        };
        List<Map<String, Object>> details = e.details().stream()
                .map(d -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("field", d.field());
                    m.put("message", d.message());
                    if (d.jurisdiction() != null) {
                        m.put("jurisdiction", d.jurisdiction());
                    }
                    if (d.rule() != null) {
                        m.put("rule", d.rule());
                        m.put("file", d.file());
                        m.put("line", d.line());
                    }
                    return m;
                })
                .toList();
        return ErrorResponses.of(status, e.code(), e.getMessage(), details);
    }
}
