package org.jobpricing.server.rulesets;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jobpricing.plugin.api.MarketObservation;
import org.jobpricing.plugin.api.PayPeriod;
import org.jobpricing.plugin.api.SourceType;
import org.jobpricing.server.api.PricingRequest;
import org.jobpricing.server.core.InMemoryFxRates;
import org.jobpricing.server.core.JobSpec;
import org.jobpricing.server.core.JobSpecs;
import org.jobpricing.server.core.PricingCalculator;
import org.jobpricing.server.failures.DomainException;
import org.jobpricing.server.rules.CompiledRuleSet;
import org.jobpricing.server.rules.DecisionTable;
import org.jobpricing.server.rules.RuleProblem;
import org.jobpricing.server.rules.RuleSource;

/**
 * Whether a rule set can price at all: one smoke quote per level of its level tables, from one plain
 * survey observation, must come out whole (band and confidence). A version that fails is never
 * published nor simulated, however it was made.
 */
public final class PricingReadiness {

    private static final LocalDate AS_OF = LocalDate.of(2026, 1, 1);
    private static final String OCCUPATION = "00-0000";

    private PricingReadiness() {}

    /** Every level that cannot be priced, with why; empty when the rule set prices every level. */
    public static List<RuleProblem> check(CompiledRuleSet rules, List<RuleSource> files) {
        Set<String> levels = levels(files);
        if (levels.isEmpty()) {
            return List.of(
                    new RuleProblem("", 0, 0, "no table sets a level factor: the rule set cannot price any job"));
        }
        List<RuleProblem> problems = new ArrayList<>();
        Clock clock = Clock.fixed(AS_OF.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        for (String level : levels) {
            PricingRequest request =
                    new PricingRequest("Readiness check", OCCUPATION, level, "US", null, "USD", AS_OF, List.of(), null);
            try {
                JobSpec spec = JobSpecs.of(request, clock);
                PricingCalculator.price(spec, List.of(observation(level)), new InMemoryFxRates(List.of()), rules);
            } catch (DomainException e) {
                problems.add(new RuleProblem(
                        "",
                        0,
                        0,
                        "a smoke quote at level " + level + " (US, USD) fails: " + e.code() + ": " + e.getMessage()));
            } catch (RuntimeException e) {
                problems.add(new RuleProblem(
                        "", 0, 0, "a smoke quote at level " + level + " (US, USD) fails: " + e.getMessage()));
            }
        }
        return problems;
    }

    /** The levels of the tables that test {@code level == "$param"}: every level a client may ask for. */
    static Set<String> levels(List<RuleSource> files) {
        Set<String> levels = new LinkedHashSet<>();
        for (RuleSource file : files) {
            if (!DecisionTable.isDecisionTable(file.name())) {
                continue;
            }
            for (DecisionTable table : DecisionTable.read(file)) {
                for (int c = 0; c < table.columns().size(); c++) {
                    DecisionTable.Column column = table.columns().get(c);
                    if (column.condition() && column.snippet().replace(" ", "").startsWith("level==")) {
                        int col = c;
                        table.rows().forEach(r -> levels.add(r.cells().get(col)));
                    }
                }
            }
        }
        levels.remove("");
        return levels;
    }

    private static MarketObservation observation(String level) {
        return new MarketObservation(
                "readiness-survey",
                SourceType.SURVEY,
                OCCUPATION,
                level,
                "US",
                null,
                "USD",
                PayPeriod.ANNUAL,
                AS_OF.minusMonths(1),
                80000.0,
                90000.0,
                100000.0,
                110000.0,
                120000.0,
                500,
                50);
    }
}
