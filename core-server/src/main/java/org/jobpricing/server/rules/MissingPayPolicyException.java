package org.jobpricing.server.rules;

import java.util.List;

/** The active rule set does not set part of the pay-transparency policy (a table was removed or emptied). */
public final class MissingPayPolicyException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient List<String> missing;

    public MissingPayPolicyException(String version, String country, List<String> missing) {
        super("rule set " + version + " sets no pay-transparency policy for "
                + (country == null ? "reports across countries" : "country " + country) + ": no row of "
                + String.join(", ", missing) + " applies");
        this.missing = List.copyOf(missing);
    }

    public List<String> missing() {
        return missing;
    }
}
