package org.jobpricing.server.rules;

/** A compile error in a rule file, placed at a line (0 when Drools gives none). */
public record RuleProblem(String file, int line, int column, String message) {}
