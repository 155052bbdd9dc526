package org.jobpricing.bench;

import java.util.ArrayList;
import java.util.List;
import org.jobpricing.rules.facts.PricingResult;
import org.jobpricing.server.core.PricingCalculator;
import org.jobpricing.server.rules.CompiledRuleSet;

/** The check before any measurement: rules and hand-written code give the method's figures, to the cent. */
final class SameFigures {

    private SameFigures() {
    }

    /** Throws, naming every difference, unless both implementations agree with each other and with the document. */
    static void check(CompiledRuleSet rules) {
        List<String> differences = new ArrayList<>();
        for (WorkedExamples.Example e : List.of(WorkedExamples.us(), WorkedExamples.singapore())) {
            PricingResult r = PricingCalculator.price(e.job(), e.observations(), e.fx(), rules).result();
            HandWrittenPricing.Quote h = HandWrittenPricing.price(e.job(), e.observations(), e.fx());
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

    private static void compare(List<String> differences, String what, Double rules, double handWritten) {
        double r = rules == null ? Double.NaN : rules;
        if (Double.isNaN(r) != Double.isNaN(handWritten)
                || (!Double.isNaN(r) && Math.round(r * 100) != Math.round(handWritten * 100))) {
            differences.add(what + ": rules " + r + ", hand-written " + handWritten);
        }
    }
}
