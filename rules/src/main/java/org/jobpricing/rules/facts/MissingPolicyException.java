package org.jobpricing.rules.facts;

/** A rule step needed a policy value that no rule table supplied: the rule set is incomplete. */
public final class MissingPolicyException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String policy;

    public MissingPolicyException(String policy) {
        super("no rule supplied " + policy);
        this.policy = policy;
    }

    public String policy() {
        return policy;
    }
}
