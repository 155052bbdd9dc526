package org.jobpricing.server.rules;

/** A rule's consequence failed: the rule set is broken for this input (not the client's fault). */
public final class RuleEvaluationException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String rule;

    public RuleEvaluationException(String rule, Throwable cause) {
        super("rule '" + rule + "' failed: " + cause.getMessage(), cause);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
