package org.jobpricing.server.rules;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

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
}
