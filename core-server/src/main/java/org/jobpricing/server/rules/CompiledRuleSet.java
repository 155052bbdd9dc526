package org.jobpricing.server.rules;

import java.util.List;
import org.jobpricing.rules.facts.JobSkill;
import org.jobpricing.rules.facts.MarketCandidate;
import org.jobpricing.rules.facts.PricingJob;
import org.jobpricing.rules.facts.PricingResult;
import org.jobpricing.rules.facts.Trace;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * A compiled, immutable rule set: the KieBase, the files it came from, their checksum and the
 * version label quotes record ("v3" for a stored version, the checksum for files not stored).
 */
public record CompiledRuleSet(
        String version,
        String checksum,
        List<RuleSource> sources,
        KieBase kieBase,
        RuleLocations locations,
        AreaTable areas) {

    /** Firings after which a pricing is stopped as a loop in the rules (a quote needs a few hundred). */
    static final int MAX_FIRINGS = 100_000;

    /** The same rules under another version label. */
    public CompiledRuleSet labelled(String label) {
        return new CompiledRuleSet(label, checksum, sources, kieBase, locations, areas);
    }

    /** Runs the rules over one job, its candidates and skills; the trace records every rule that fired. */
    public PricingResult evaluate(
            PricingJob job, List<MarketCandidate> candidates, List<JobSkill> skills, Trace trace) {
        PricingResult result = new PricingResult(job, candidates, skills, trace);
        KieSession session = kieBase.newKieSession();
        try {
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    String rule = event.getMatch().getRule().getName();
                    RuleLocations.Location at = locations.of(rule);
                    trace.ruleFired(rule, at == null ? null : at.file(), at == null ? null : at.line());
                }
            });
            // first the tables and exclusions on the job and its candidates; then the steps, whose
            // conditions read the PricingResult as it is when it is added (after the tables)
            session.insert(job);
            candidates.forEach(session::insert);
            skills.forEach(session::insert);
            int fired = session.fireAllRules(MAX_FIRINGS);
            session.insert(result);
            fired += session.fireAllRules(MAX_FIRINGS);
            if (fired >= MAX_FIRINGS) {
                throw new RuleEvaluationException(
                        "the rules", new IllegalStateException("rules fired " + fired + " times: they loop"));
            }
        } catch (ConsequenceException e) {
            throw new RuleEvaluationException(
                    e.getMatch().getRule().getName(), e.getCause() == null ? e : e.getCause());
        } finally {
            session.dispose();
        }
        return result;
    }
}
