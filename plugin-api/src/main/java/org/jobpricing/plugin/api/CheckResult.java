package org.jobpricing.plugin.api;

import java.util.List;

/** The answer to a connection test: whether the source can be read, and why not. */
public record CheckResult(boolean ok, String message, List<Problem> problems) {

    public CheckResult {
        problems = List.copyOf(problems);
    }

    public static CheckResult ok(String message) {
        return new CheckResult(true, message, List.of());
    }

    public static CheckResult failed(String message, List<Problem> problems) {
        return new CheckResult(false, message, problems);
    }

    public static CheckResult failed(String message) {
        return failed(message, List.of());
    }
}
