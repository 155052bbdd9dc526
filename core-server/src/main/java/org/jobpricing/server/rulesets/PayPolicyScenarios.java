package org.jobpricing.server.rulesets;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jobpricing.server.api.ScenarioResult;
import org.jobpricing.server.rules.CompiledRuleSet;
import org.jobpricing.server.rules.MissingPayPolicyException;
import org.jobpricing.server.rules.PayPolicy;
import org.jobpricing.server.rules.PayPolicyEvaluator;
import org.jobpricing.server.rules.RuleSource;

/**
 * Scenarios of the pay-transparency tables ({@code tests/pay-*.yaml} with {@code payPolicyScenarios:}):
 * for a report's country, the policy values the tables must set, which cells are shown, split or
 * suppressed, and which gaps are flagged for a joint pay assessment.
 */
final class PayPolicyScenarios {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** A file of policy scenarios. */
    record File(List<PolicyScenario> payPolicyScenarios) {}

    /** One scenario: the report's country (null or absent: across countries) and what must hold. */
    record PolicyScenario(String name, String description, String country, Expect expect) {}

    /** Expected values; anything left out is not checked. */
    record Expect(
            Integer minCellSize,
            Integer minPerGender,
            String categoryBasis,
            BigDecimal jointAssessmentThreshold,
            Map<String, BigDecimal> periodsPerYear,
            List<CellExpect> cells,
            List<GapExpect> gaps,
            List<String> rulesFired,
            String error) {}

    /** A cell of {@code employees}, of whom {@code women} and {@code men}, must show {@code shows}. */
    record CellExpect(int employees, int women, int men, PayPolicy.Cell shows) {}

    /** A gap (a fraction) that must or must not be flagged. */
    record GapExpect(BigDecimal gap, boolean flagged) {}

    private PayPolicyScenarios() {}

    /** True for a scenario file of the pay tables: its top key is {@code payPolicyScenarios}. */
    static boolean handles(RuleSource source) {
        try {
            JsonNode root = YAML.readTree(source.content());
            return root != null && root.isObject() && root.has("payPolicyScenarios");
        } catch (IOException e) {
            return false;
        }
    }

    static List<ScenarioResult> run(CompiledRuleSet rules, RuleSource source) {
        File file;
        try {
            file = YAML.readValue(source.content(), File.class);
        } catch (IOException e) {
            return List.of(new ScenarioResult(
                    source.name(),
                    "(file)",
                    false,
                    List.of(),
                    "unreadable scenario file: " + e.getMessage().split("\n")[0]));
        }
        if (file.payPolicyScenarios() == null || file.payPolicyScenarios().isEmpty()) {
            return List.of(new ScenarioResult(source.name(), "(file)", false, List.of(), "no scenarios in the file"));
        }
        List<ScenarioResult> results = new ArrayList<>();
        for (PolicyScenario s : file.payPolicyScenarios()) {
            results.add(run(source.name(), s, rules));
        }
        return results;
    }

    private static ScenarioResult run(String file, PolicyScenario s, CompiledRuleSet rules) {
        String name = s.name() == null ? "(unnamed)" : s.name();
        if (s.expect() == null) {
            return new ScenarioResult(file, name, false, List.of(), "a policy scenario needs expect");
        }
        Expect e = s.expect();
        List<ScenarioResult.Mismatch> mismatches = new ArrayList<>();
        PayPolicy policy;
        try {
            policy = PayPolicyEvaluator.evaluate(rules, s.country());
        } catch (MissingPayPolicyException ex) {
            if (e.error() == null) {
                mismatches.add(new ScenarioResult.Mismatch("error", "none", ex.getMessage()));
            }
            return new ScenarioResult(file, name, mismatches.isEmpty(), mismatches, null);
        }
        equal(mismatches, "error", e.error(), null);
        equal(mismatches, "minCellSize", e.minCellSize(), policy.minCellSize());
        equal(mismatches, "minPerGender", e.minPerGender(), policy.minPerGender());
        equal(mismatches, "categoryBasis", e.categoryBasis(), policy.categoryBasis());
        if (e.jointAssessmentThreshold() != null
                && e.jointAssessmentThreshold().doubleValue() != policy.jointAssessmentThreshold()) {
            mismatches.add(new ScenarioResult.Mismatch(
                    "jointAssessmentThreshold",
                    e.jointAssessmentThreshold().toPlainString(),
                    String.valueOf(policy.jointAssessmentThreshold())));
        }
        if (e.periodsPerYear() != null) {
            e.periodsPerYear().forEach((period, expected) -> {
                Double actual = policy.periodsPerYear(period);
                if (actual == null || expected.doubleValue() != actual) {
                    mismatches.add(new ScenarioResult.Mismatch(
                            "periodsPerYear." + period, expected.toPlainString(), String.valueOf(actual)));
                }
            });
        }
        if (e.cells() != null) {
            for (CellExpect c : e.cells()) {
                equal(
                        mismatches,
                        "cells[" + c.employees() + " employees, " + c.women() + " women, " + c.men() + " men]",
                        c.shows(),
                        policy.cell(c.employees(), c.women(), c.men()));
            }
        }
        if (e.gaps() != null) {
            for (GapExpect g : e.gaps()) {
                equal(
                        mismatches,
                        "gaps[" + g.gap().toPlainString() + "].flagged",
                        g.flagged(),
                        policy.flags(g.gap().doubleValue()));
            }
        }
        if (e.rulesFired() != null) {
            List<String> fired =
                    policy.rules().stream().map(PayPolicy.Rule::rule).toList();
            for (String rule : e.rulesFired()) {
                if (!fired.contains(rule)) {
                    mismatches.add(new ScenarioResult.Mismatch("rulesFired", rule, String.join(", ", fired)));
                }
            }
        }
        return new ScenarioResult(file, name, mismatches.isEmpty(), mismatches, null);
    }

    private static void equal(List<ScenarioResult.Mismatch> mismatches, String field, Object expected, Object actual) {
        if (expected != null && !Objects.equals(expected, actual)) {
            mismatches.add(new ScenarioResult.Mismatch(field, String.valueOf(expected), String.valueOf(actual)));
        }
    }
}
