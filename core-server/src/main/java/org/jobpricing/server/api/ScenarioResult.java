package org.jobpricing.server.api;

import java.util.List;

/** The outcome of one scenario: every field that differed, or why it could not run. */
public record ScenarioResult(String file, String name, boolean passed, List<Mismatch> mismatches, String error) {

    /** One expectation that did not hold. */
    public record Mismatch(String field, String expected, String actual) {
        @Override
        public String toString() {
            return field + ": expected " + expected + ", got " + actual;
        }
    }
}
