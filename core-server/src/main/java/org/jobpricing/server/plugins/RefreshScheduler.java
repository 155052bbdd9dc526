package org.jobpricing.server.plugins;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs market-data sources on their cron schedules (UTC): five fields as in Unix cron
 * ({@code 0 3 * * *}, daily at 03:00), or six with seconds first ({@code 0 0 3 * * *}). Every server
 * sharing the database ticks; for each due time, the first server to record the job runs it and the
 * others see the slot taken ({@link MarketDataJobs#claimScheduled}). Each tick also makes this server
 * follow the plugin on/off switches.
 */
public final class RefreshScheduler implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshScheduler.class);
    private static final CronParser UNIX = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final CronParser WITH_SECONDS =
            new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.SPRING53));

    private final PluginHost host;
    private final MarketDataJobs jobs;
    private final PluginSwitches switches;
    private final Map<String, String> expressions;
    private final Map<String, ExecutionTime> schedules = new HashMap<>();
    private final Map<String, Instant> lastDue = new ConcurrentHashMap<>();
    private final Duration tick;
    private final Clock clock;
    private ScheduledExecutorService timer;

    /** Throws {@link IllegalArgumentException} naming the source and the expression when a schedule is not cron. */
    public RefreshScheduler(
            PluginHost host,
            MarketDataJobs jobs,
            PluginSwitches switches,
            Map<String, String> schedules,
            Duration tick,
            Clock clock) {
        this.host = host;
        this.jobs = jobs;
        this.switches = switches;
        Map<String, String> set = new HashMap<>();
        schedules.forEach((source, cron) -> {
            if (cron != null && !cron.isBlank()) {
                set.put(source, cron.trim());
            }
        });
        this.expressions = Map.copyOf(set);
        this.tick = tick;
        this.clock = clock;
        expressions.forEach((source, cron) -> this.schedules.put(source, parse(source, cron)));
    }

    static ExecutionTime parse(String source, String cron) {
        String trimmed = cron == null ? "" : cron.trim();
        try {
            return ExecutionTime.forCron((trimmed.split("\\s+").length == 6 ? WITH_SECONDS : UNIX).parse(trimmed));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "plugins.schedules." + source + ": '" + cron
                            + "' is not a cron expression (5 fields: minute hour day month weekday, or 6 with seconds first): "
                            + e.getMessage(),
                    e);
        }
    }

    @Override
    public void start() {
        ZonedDateTime now = now();
        schedules.forEach((source, time) -> time.lastExecution(now).ifPresent(t -> lastDue.put(source, t.toInstant())));
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "refresh-scheduler");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::tickSafely, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
        if (!schedules.isEmpty()) {
            LOG.info("market-data schedules (UTC): {}", expressions);
        }
    }

    @Override
    public void stop() throws InterruptedException {
        if (timer != null) {
            timer.shutdown(); // a tick may be in the database: let it finish rather than interrupt it
            timer.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.error("scheduler tick failed; next tick retries", e);
        }
    }

    /** Follows the switches, then claims and starts every source whose schedule came due since the last tick. */
    void tick() {
        host.follow(switches.disabled());
        ZonedDateTime now = now();
        for (PluginHost.Source source : host.marketDataSources()) {
            String name = source.source().name();
            ExecutionTime time = schedules.get(name);
            if (time == null || !jobs.missingSettings(source).isEmpty()) {
                continue;
            }
            Optional<ZonedDateTime> due = time.lastExecution(now);
            if (due.isEmpty()) {
                continue;
            }
            Instant dueAt = due.get().toInstant().truncatedTo(ChronoUnit.SECONDS);
            Instant previous = lastDue.get(name);
            if (previous != null && !dueAt.isAfter(previous)) {
                continue;
            }
            lastDue.put(name, dueAt);
            jobs.claimScheduled(source, dueAt).ifPresent(job -> jobs.runInBackground(job, source));
        }
    }

    /** The schedule of a source, if it has one. */
    public Optional<String> schedule(String source) {
        return Optional.ofNullable(expressions.get(source));
    }

    /** The next due time of a source's schedule. */
    public Optional<Instant> nextRun(String source) {
        return Optional.ofNullable(schedules.get(source))
                .flatMap(t -> t.nextExecution(now()))
                .map(ZonedDateTime::toInstant);
    }

    private ZonedDateTime now() {
        return ZonedDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
