package org.jobpricing.server.rulesets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jobpricing.server.api.ScenarioResult;
import org.jobpricing.server.failures.DomainException;
import org.jobpricing.server.rules.CompiledRuleSet;
import org.jobpricing.server.rules.RuleSource;
import org.jobpricing.server.structures.PayPolicy;

/**
 * Scenarios of the structure and posting tables ({@code tests/*.yaml} whose top key is
 * {@code policyScenarios}): a lookup (a grade, a currency, a work location or a jurisdiction) and the
 * values the tables must give it. Run with the pricing scenarios, so a version that breaks them fails
 * its tests before it is published.
 */
public final class PolicyScenarios {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final BigDecimal TOLERANCE = new BigDecimal("0.000001");

    private PolicyScenarios() {}

    /** True for a scenario file of the policy tables. */
    public static boolean isPolicyFile(RuleSource source) {
        try {
            JsonNode root = YAML.readTree(source.content());
            return root != null && root.isObject() && root.has("policyScenarios");
        } catch (IOException e) {
            return false;
        }
    }

    public static List<ScenarioResult> run(CompiledRuleSet rules, RuleSource source) {
        List<ScenarioResult> results = new ArrayList<>();
        JsonNode root;
        try {
            root = YAML.readTree(source.content());
        } catch (IOException e) {
            return List.of(new ScenarioResult(
                    source.name(), "(file)", false, List.of(), "unreadable scenario file: " + e.getMessage()));
        }
        JsonNode scenarios = root.get("policyScenarios");
        if (scenarios == null || !scenarios.isArray() || scenarios.isEmpty()) {
            return List.of(new ScenarioResult(source.name(), "(file)", false, List.of(), "no scenarios in the file"));
        }
        PayPolicy policy = new PayPolicy(rules);
        for (JsonNode s : scenarios) {
            String name = s.path("name").asText("(unnamed)");
            JsonNode expect = s.get("expect");
            if (expect == null || !expect.isObject()) {
                results.add(new ScenarioResult(source.name(), name, false, List.of(), "a scenario needs expect"));
                continue;
            }
            Map<String, Object> actual;
            try {
                actual = lookUp(policy, s);
            } catch (DomainException e) {
                actual = Map.of("error", e.code());
            } catch (IllegalArgumentException e) {
                results.add(new ScenarioResult(source.name(), name, false, List.of(), e.getMessage()));
                continue;
            }
            List<ScenarioResult.Mismatch> mismatches = new ArrayList<>();
            compare("", expect, YAML.valueToTree(actual), mismatches);
            results.add(new ScenarioResult(source.name(), name, mismatches.isEmpty(), mismatches, null));
        }
        return results;
    }

    private static Map<String, Object> lookUp(PayPolicy policy, JsonNode s) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (s.has("grade")) {
            PayPolicy.GradePolicy g = policy.grade(s.get("grade").asInt());
            out.put("spread", g.spread());
            out.put("slotTolerance", g.slotTolerance());
            out.put("rule", g.rule() == null ? null : g.rule().name());
        } else if (s.has("currency")) {
            PayPolicy.Rounding r = policy.rounding(s.get("currency").asText());
            out.put("rounding", r.unit());
            out.put("rule", r.rule() == null ? null : r.rule().name());
        } else if (s.has("location")) {
            JsonNode l = s.get("location");
            List<Map<String, Object>> found = new ArrayList<>();
            for (PayPolicy.Jurisdiction j :
                    policy.jurisdictions(text(l, "country"), text(l, "region"), text(l, "city"))) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("code", j.code());
                m.put("name", j.name());
                m.put("law", j.law());
                m.put("minEmployees", j.minEmployees());
                m.put("benefitsRequired", j.benefitsRequired());
                m.put("deadlineRequired", j.deadlineRequired());
                m.put("currency", j.currency());
                m.put("periods", j.periods());
                m.put("rule", j.rule() == null ? null : j.rule().name());
                found.add(m);
            }
            out.put("jurisdictions", found);
        } else if (s.has("jurisdiction")) {
            PayPolicy.Width w = policy.width(s.get("jurisdiction").asText());
            out.put("lower", w.lower());
            out.put("upper", w.upper());
            out.put("maxWidth", w.maxWidth());
            out.put("rule", w.rule() == null ? null : w.rule().name());
        } else {
            throw new IllegalArgumentException(
                    "a policy scenario looks up a grade, a currency, a location or a " + "jurisdiction");
        }
        return out;
    }

    /** Every expected field must be in {@code actual} with an equal value; lists compare item by item. */
    private static void compare(
            String at, JsonNode expected, JsonNode actual, List<ScenarioResult.Mismatch> mismatches) {
        if (expected.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                JsonNode a = actual == null ? null : actual.get(f.getKey());
                compare(at.isEmpty() ? f.getKey() : at + "." + f.getKey(), f.getValue(), a, mismatches);
            }
        } else if (expected.isArray()) {
            if (actual == null || !actual.isArray() || actual.size() != expected.size()) {
                mismatches.add(new ScenarioResult.Mismatch(
                        at, expected.size() + " items", actual == null ? "none" : actual.size() + " items: " + actual));
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                compare(at + "[" + i + "]", expected.get(i), actual.get(i), mismatches);
            }
        } else if (expected.isNumber() && actual != null && actual.isNumber()) {
            if (expected.decimalValue().subtract(actual.decimalValue()).abs().compareTo(TOLERANCE) > 0) {
                mismatches.add(new ScenarioResult.Mismatch(at, expected.asText(), actual.asText()));
            }
        } else if (actual == null || !expected.asText().equals(actual.asText())) {
            mismatches.add(new ScenarioResult.Mismatch(
                    at, expected.asText(), actual == null || actual.isNull() ? "null" : actual.asText()));
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
