package org.jobpricing.server.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jobpricing.plugin.api.PayPeriod;
import org.jobpricing.rules.facts.MarketCandidate;
import org.jobpricing.rules.facts.PayReportPolicy;
import org.jobpricing.rules.facts.Trace;

/**
 * Reads the pay-transparency policy out of a compiled rule set: the pay tables set a
 * {@link PayReportPolicy}, and the annualisation table the periods per year of employee pay (the same
 * table that annualises market data, so a roster and the market are put on one footing).
 */
public final class PayPolicyEvaluator {

    private PayPolicyEvaluator() {}

    /** The policy for {@code country} (null: a report across countries, only {@code *} rows apply). */
    public static PayPolicy evaluate(CompiledRuleSet rules, String country) {
        PayReportPolicy policy = new PayReportPolicy(country);
        Trace trace = new Trace();
        Map<String, MarketCandidate> periods = new LinkedHashMap<>();
        for (PayPeriod period : PayPeriod.values()) {
            // one plain candidate per period: only the annualisation rows apply to it on its own
            periods.put(
                    period.name(),
                    new MarketCandidate(
                            "employee-pay",
                            "HRIS",
                            MarketCandidate.EXACT,
                            false,
                            "XXX",
                            period.name(),
                            0,
                            1_000_000,
                            null,
                            1.0,
                            new Double[] {null, null, 1.0, null, null},
                            trace));
        }
        List<PayPolicy.Rule> fired = new ArrayList<>();
        List<Object> facts = new ArrayList<>();
        facts.add(policy);
        facts.addAll(periods.values());
        PolicySession.run(rules, facts, (rule, at, matched) -> {
            if (matched.stream().anyMatch(o -> o instanceof PayReportPolicy)) {
                fired.add(new PayPolicy.Rule(rule, at == null ? null : at.file(), at == null ? null : at.line()));
            }
        });
        List<String> missing = new ArrayList<>();
        if (policy.getMinCellSize() == null || policy.getMinPerGender() == null) {
            missing.add("pay-suppression.drl.csv (fewest employees in a cell, fewest women or men)");
        }
        if (policy.getCategoryBasis() == null) {
            missing.add("pay-gap-categories.drl.csv (category of workers)");
        }
        if (policy.getJointAssessmentThreshold() == null) {
            missing.add("pay-gap-threshold.drl.csv (gap that calls for a joint pay assessment)");
        }
        if (!missing.isEmpty()) {
            throw new MissingPayPolicyException(rules.version(), country, missing);
        }
        Map<String, Double> perYear = new LinkedHashMap<>();
        periods.forEach((name, candidate) -> {
            if (candidate.getAnnualize() != null) {
                perYear.put(name, candidate.getAnnualize());
            }
        });
        return new PayPolicy(
                country,
                policy.getMinCellSize(),
                policy.getMinPerGender(),
                policy.getCategoryBasis(),
                policy.getJointAssessmentThreshold(),
                Map.copyOf(perYear),
                rules.version(),
                List.copyOf(fired));
    }
}
