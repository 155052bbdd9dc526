package org.jobpricing.server.rules;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.jobpricing.rules.facts.JobSkill;
import org.jobpricing.rules.facts.MarketCandidate;
import org.jobpricing.rules.facts.PricingJob;
import org.jobpricing.rules.facts.PricingResult;
import org.jobpricing.rules.facts.Trace;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * Evaluates the active rule set. The active set is swapped atomically; an evaluation keeps the set it
 * started with to the end.
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
    public record Evaluation(PricingResult result, String rulesetVersion) {
    }

    /** Runs the rules over one job, its candidates and skills; the trace records every rule that fired. */
    public Evaluation evaluate(PricingJob job, List<MarketCandidate> candidates, List<JobSkill> skills, Trace trace) {
        CompiledRuleSet rules = active.get();
        PricingResult result = new PricingResult(job, candidates, skills, trace);
        KieSession session = rules.kieBase().newKieSession();
        try {
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    trace.ruleFired(event.getMatch().getRule().getName());
                }
            });
            session.insert(job);
            session.insert(result);
            candidates.forEach(session::insert);
            skills.forEach(session::insert);
            session.fireAllRules();
        } catch (ConsequenceException e) {
            throw new RuleEvaluationException(e.getMatch().getRule().getName(), e.getCause() == null ? e : e.getCause());
        } finally {
            session.dispose();
        }
        return new Evaluation(result, rules.version());
    }
}
