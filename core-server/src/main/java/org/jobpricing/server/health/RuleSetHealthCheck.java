package org.jobpricing.server.health;

import com.codahale.metrics.health.HealthCheck;
import org.jobpricing.server.rules.RuleEngine;

/** Healthy when a compiled rule set is active; reports its version. */
public final class RuleSetHealthCheck extends HealthCheck {

    private final RuleEngine engine;

    public RuleSetHealthCheck(RuleEngine engine) {
        this.engine = engine;
    }

    @Override
    protected Result check() {
        return Result.healthy("active rule set " + engine.active().version());
    }
}
