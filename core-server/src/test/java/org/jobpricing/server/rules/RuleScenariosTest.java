package org.jobpricing.server.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.jersey.validation.Validators;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jobpricing.server.api.ScenarioResult;
import org.jobpricing.server.rulesets.ScenarioRunner;
import org.jobpricing.server.support.TestApps;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every scenario the analysts keep in rules/tests/*.yaml, run by the Maven build. */
class RuleScenariosTest {

    @TestFactory
    Stream<DynamicTest> everyScenarioOfTheRulesDirectoryPasses() throws Exception {
        List<RuleSource> sources = RuleSetLoader.fromDirectory(Path.of(TestApps.rulesDir()));
        CompiledRuleSet rules = new RuleSetCompiler().compile(sources);
        List<ScenarioResult> results = new ScenarioRunner(Validators.newValidator()).run(rules, sources);

        assertThat(results).as("the rules directory ships scenarios").hasSizeGreaterThanOrEqualTo(2);
        return results.stream()
                .map(r -> DynamicTest.dynamicTest(r.file() + ": " + r.name(), () -> {
                    assertThat(r.error()).as("scenario could run").isNull();
                    assertThat(r.mismatches()).as("mismatches").isEmpty();
                    assertThat(r.passed()).isTrue();
                }));
    }
}
