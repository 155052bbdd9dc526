package org.jobpricing.server.cli;

import io.dropwizard.jersey.validation.Validators;
import java.util.List;
import org.jobpricing.server.api.ScenarioResult;
import org.jobpricing.server.rules.CompiledRuleSet;
import org.jobpricing.server.rules.RuleSetCompiler;
import org.jobpricing.server.rules.RuleSource;
import org.jobpricing.server.rulesets.ScenarioRunner;

/** {@code test-rules [dir]}: runs the scenarios of tests/*.yaml against the directory's rules. */
public final class TestRulesCommand extends RuleFilesCommand {

    public TestRulesCommand() {
        super("test-rules", "Runs the rule scenarios (tests/*.yaml) of a rules directory");
    }

    @Override
    boolean run(List<RuleSource> files) throws Exception {
        CompiledRuleSet rules = new RuleSetCompiler().compile(files);
        List<ScenarioResult> results = new ScenarioRunner(Validators.newValidator()).run(rules, files);
        int failed = 0;
        for (ScenarioResult r : results) {
            System.out.println((r.passed() ? "PASS " : "FAIL ") + r.file() + ": " + r.name());
            if (!r.passed()) {
                failed++;
                if (r.error() != null) {
                    System.out.println("     " + r.error());
                }
                r.mismatches().forEach(m -> System.out.println("     " + m));
            }
        }
        System.out.println((results.size() - failed) + " passed, " + failed + " failed");
        return failed == 0 && !results.isEmpty();
    }
}
