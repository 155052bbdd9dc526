package org.jobpricing.server.rules;

import java.util.List;

/** The rule files do not compile; every problem is listed with its file and line. */
public final class RuleCompilationException extends Exception {

    private static final long serialVersionUID = 1L;
    private final transient List<RuleProblem> problems;

    public RuleCompilationException(List<RuleProblem> problems) {
        super("the rule set has " + problems.size() + " error(s):\n  "
                + problems.stream()
                        .map(p -> p.file() + ":" + p.line() + ": " + p.message())
                        .collect(java.util.stream.Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
