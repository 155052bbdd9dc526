package org.jobpricing.server.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.jobpricing.server.failures.FieldError;
import org.jobpricing.server.rules.MissingPayPolicyException;

/** The active rules set no pay-transparency policy: 422 naming the tables that have no applicable row. */
public final class MissingPayPolicyExceptionMapper implements ExceptionMapper<MissingPayPolicyException> {

    @Override
    public Response toResponse(MissingPayPolicyException e) {
        return ErrorResponses.of(
                422,
                "PAY_POLICY_MISSING",
                e.getMessage(),
                e.missing().stream()
                        .map(m -> new FieldError("rules", "no row applies in " + m))
                        .toList());
    }
}
