package org.jobpricing.server.rules;

import java.util.List;
import org.jobpricing.server.failures.FieldError;
import org.jobpricing.server.failures.UnusableException;

/**
 * The active rule set does not set part of the pay-transparency policy (a table was removed or emptied):
 * PAY_POLICY_MISSING, naming each table with no applicable row.
 */
public final class MissingPayPolicyException extends UnusableException {

    private static final long serialVersionUID = 1L;
    private final transient List<String> missing;

    public MissingPayPolicyException(String version, String country, List<String> missing) {
        super(
                "PAY_POLICY_MISSING",
                "rule set " + version + " sets no pay-transparency policy for "
                        + (country == null ? "reports across countries" : "country " + country) + ": no row of "
                        + String.join(", ", missing) + " applies",
                missing.stream()
                        .map(m -> new FieldError("rules", "no row applies in " + m))
                        .toList());
        this.missing = List.copyOf(missing);
    }

    public List<String> missing() {
        return missing;
    }
}
