package org.jobpricing.server.rules;

import java.util.List;
import org.jobpricing.rules.facts.Trace;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * Runs the tables of a compiled rule set over facts other than a quote's (a structure's grade, a
 * posting's location): a session with only those facts, so only the tables that match them fire.
 * Every rule that fired is closed as a step of {@code trace}, with its file and line.
 */
public final class PolicySession {

    private PolicySession() {}

    /** A rule that fired: its name, where it is written (null when unknown) and the facts it matched. */
    @FunctionalInterface
    public interface Fired {
        void fired(String rule, RuleLocations.Location at, List<Object> facts);
    }

    /** Inserts {@code facts}, fires every rule that matches them and returns the version of the rules used. */
    public static String run(CompiledRuleSet rules, List<?> facts, Trace trace) {
        return run(
                rules,
                facts,
                (rule, at, matched) ->
                        trace.ruleFired(rule, at == null ? null : at.file(), at == null ? null : at.line()));
    }

    /** As {@link #run(CompiledRuleSet, List, Trace)}, telling {@code listener} of each rule that fired. */
    public static String run(CompiledRuleSet rules, List<?> facts, Fired listener) {
        KieSession session = rules.kieBase().newKieSession();
        try {
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    String rule = event.getMatch().getRule().getName();
                    listener.fired(
                            rule, rules.locations().of(rule), event.getMatch().getObjects());
                }
            });
            facts.forEach(session::insert);
            session.fireAllRules();
        } catch (ConsequenceException e) {
            throw new RuleEvaluationException(
                    e.getMatch().getRule().getName(), e.getCause() == null ? e : e.getCause());
        } finally {
            session.dispose();
        }
        return rules.version();
    }
}
