package org.jobpricing.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jobpricing.server.rules.RuleSetLoader;
import org.jobpricing.server.rules.RuleSource;
import org.jobpricing.server.support.TestApps;
import org.junit.jupiter.api.Test;

/** validate-rules and test-rules on the shipped rules and on broken copies. */
class RuleCommandsTest {

    record Outcome(boolean passed, String output) {}

    static Outcome run(RuleFilesCommand command, List<RuleSource> files) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            return new Outcome(command.run(files), out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    static List<RuleSource> shipped() throws Exception {
        return RuleSetLoader.fromDirectory(Path.of(TestApps.rulesDir()));
    }

    static List<RuleSource> replace(List<RuleSource> files, String file, String from, String to) {
        return files.stream()
                .map(s -> s.name().equals(file)
                        ? new RuleSource(s.name(), s.text().replace(from, to).getBytes(StandardCharsets.UTF_8))
                        : s)
                .toList();
    }

    @Test
    void theShippedRulesValidateAndTheirScenariosPass() throws Exception {
        Outcome validate = run(new ValidateRulesCommand(), shipped());
        assertThat(validate.passed()).isTrue();
        assertThat(validate.output()).contains("no problems");

        Outcome test = run(new TestRulesCommand(), shipped());
        assertThat(test.passed()).as(test.output()).isTrue();
        assertThat(test.output())
                .contains("PASS tests/worked-examples.yaml: Worked example 1")
                .contains(" 0 failed");
    }

    @Test
    void aWrongExpectationFailsNamingTheScenarioAndTheField() throws Exception {
        List<RuleSource> files = replace(
                shipped(),
                "tests/worked-examples.yaml",
                "confidence: {score: 88, label: HIGH}",
                "confidence: {score: 87, label: HIGH}");

        Outcome test = run(new TestRulesCommand(), files);

        assertThat(test.passed()).isFalse();
        assertThat(test.output())
                .contains("FAIL tests/worked-examples.yaml: Worked example 1 (US, three sources)")
                .contains("confidence.score: expected 87, got 88")
                .contains("1 failed");
    }

    @Test
    void validateRulesPrintsFileLineAndMessage() throws Exception {
        Outcome outcome = run(new ValidateRulesCommand(), replace(shipped(), "weights.drl.csv", "HRIS,0.4", "HRIS,-1"));

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.output())
                .contains(
                        "weights.drl.csv:14:2: Source weights, column Source weight: -1 is out of range: it must be a weight >= 0")
                .contains("1 problem(s)");
    }
}
