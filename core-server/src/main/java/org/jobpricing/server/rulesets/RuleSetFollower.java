package org.jobpricing.server.rulesets;

import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the database for state other servers may have changed: the active rule-set version and the
 * market-data version, so a publish or an import on one server reaches all of them.
 */
public final class RuleSetFollower implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(RuleSetFollower.class);

    private final RuleSetService ruleSets;
    private final org.jobpricing.server.core.MarketDataCache marketData;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    public RuleSetFollower(
            RuleSetService ruleSets, org.jobpricing.server.core.MarketDataCache marketData, Duration interval) {
        this.ruleSets = ruleSets;
        this.marketData = marketData;
        this.interval = interval;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ruleset-follower");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        ruleSets.follow();
                        marketData.follow();
                    } catch (RuntimeException e) {
                        LOG.warn("could not check the shared state in the database: {}", e.getMessage());
                    }
                },
                interval.toMillis(),
                interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
