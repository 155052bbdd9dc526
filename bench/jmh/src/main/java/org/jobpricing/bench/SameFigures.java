package org.jobpricing.bench;

import java.util.ArrayList;
import java.util.List;
import org.jobpricing.rules.facts.PricingResult;
import org.jobpricing.server.core.PricingCalculator;
import org.jobpricing.server.rules.CompiledRuleSet;

/**
 * The check before any measurement: rules and hand-written code give the method's figures, to the cent, and
 * the engine-free run of the rule set's fact methods writes the rules' explanation word for word.
 */
final class SameFigures {

    private SameFigures() {
    }

    /** Throws, naming every difference, unless both implementations agree with each other and with the document. */
    static void check(CompiledRuleSet rules) {
        List<String> differences = new ArrayList<>();
        for (WorkedExamples.Example e : List.of(WorkedExamples.us(), WorkedExamples.singapore())) {
            PricingResult r = PricingCalculator.price(e.job(), e.observations(), e.fx(), rules).result();
            HandWrittenPricing.Quote h = HandWrittenPricing.price(e.job(), e.observations(), e.fx());
            PricingResult d = DirectFactsPricing.price(e.job(), e.observations(), e.fx());
            sameExplanation(differences, e.name(), r, d);
            for (int k = 0; k < 5; k++) {
                compare(differences, e.name() + " market[" + k + "]", r.market(k), h.market()[k]);
            }
            compare(differences, e.name() + " reference point", r.getReferencePoint(), h.referencePoint());
            compare(differences, e.name() + " premium", r.getPremium(), h.premium());
            compare(differences, e.name() + " band min", r.getBandMin(), h.bandMin());
            compare(differences, e.name() + " band mid", r.getBandMid(), h.bandMid());
            compare(differences, e.name() + " band max", r.getBandMax(), h.bandMax());
            compare(differences, e.name() + " band min (document)", e.bandMin(), h.bandMin());
            compare(differences, e.name() + " band mid (document)", e.bandMid(), h.bandMid());
            compare(differences, e.name() + " band max (document)", e.bandMax(), h.bandMax());
            if (r.getConfidenceScore() != h.confidenceScore() || h.confidenceScore() != e.confidence()
                    || !r.getConfidenceLabel().equals(h.confidenceLabel())) {
                differences.add(e.name() + " confidence: rules " + r.getConfidenceScore() + " " + r.getConfidenceLabel()
                        + ", hand-written " + h.confidenceScore() + " " + h.confidenceLabel() + ", document "
                        + e.confidence());
            }
        }
        if (!differences.isEmpty()) {
            throw new IllegalStateException("rules and hand-written pricing differ, nothing measured:\n  "
                    + String.join("\n  ", differences));
        }
    }

    /**
     * The engine-free run must write the very explanation the rules write: the same steps (rule name and
     * message, every number in it) and warnings. Rules of one salience may fire in another order in Drools,
     * so steps are compared as sorted lists; the method's steps (one rule each) keep their order.
     */
    private static void sameExplanation(List<String> differences, String example, PricingResult rules,
                                         PricingResult direct) {
        List<String> r = rules.getTrace().steps().stream().map(s -> s.rule() + " | " + s.message()).sorted().toList();
        List<String> d = direct.getTrace().steps().stream().map(s -> s.rule() + " | " + s.message()).sorted().toList();
        if (!r.equals(d)) {
            differences.add(example + " explanation: rules " + r + "\n    engine-free " + d);
        }
        if (!rules.getTrace().warnings().equals(direct.getTrace().warnings())) {
            differences.add(example + " warnings: rules " + rules.getTrace().warnings() + ", engine-free "
                    + direct.getTrace().warnings());
        }
        if (!java.util.Objects.equals(rules.getBandMid(), direct.getBandMid())
                || !java.util.Objects.equals(rules.getConfidenceScore(), direct.getConfidenceScore())) {
            differences.add(example + " engine-free figures: band mid " + direct.getBandMid() + ", confidence "
                    + direct.getConfidenceScore());
        }
    }

    private static void compare(List<String> differences, String what, Double rules, double handWritten) {
        double r = rules == null ? Double.NaN : rules;
        if (Double.isNaN(r) != Double.isNaN(handWritten)
                || (!Double.isNaN(r) && Math.round(r * 100) != Math.round(handWritten * 100))) {
            differences.add(what + ": rules " + r + ", hand-written " + handWritten);
        }
    }
}
