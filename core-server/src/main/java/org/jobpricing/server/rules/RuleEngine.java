package org.jobpricing.server.rules;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.jobpricing.rules.facts.JobSkill;
import org.jobpricing.rules.facts.MarketCandidate;
import org.jobpricing.rules.facts.PricingJob;
import org.jobpricing.rules.facts.PricingResult;
import org.jobpricing.rules.facts.Trace;

/**
 * Holds the active rule set. It is swapped atomically; an evaluation keeps the set it started with to
 * the end, so a publish never disturbs a request in flight.
 */
public final class RuleEngine {

    private final AtomicReference<CompiledRuleSet> active;

    public RuleEngine(CompiledRuleSet initial) {
        this.active = new AtomicReference<>(Objects.requireNonNull(initial));
    }

    public CompiledRuleSet active() {
        return active.get();
    }

    /** Makes {@code next} the rule set of every evaluation that starts from now on. */
    public void activate(CompiledRuleSet next) {
        active.set(Objects.requireNonNull(next));
    }

    /** The outcome of one evaluation and the version of the rules that produced it. */
    public record Evaluation(PricingResult result, String rulesetVersion) {}

    /** Evaluates under the rule set active now. */
    public Evaluation evaluate(PricingJob job, List<MarketCandidate> candidates, List<JobSkill> skills, Trace trace) {
        CompiledRuleSet rules = active.get();
        return new Evaluation(rules.evaluate(job, candidates, skills, trace), rules.version());
    }
}
