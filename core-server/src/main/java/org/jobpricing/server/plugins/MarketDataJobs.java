package org.jobpricing.server.plugins;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.lifecycle.Managed;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jobpricing.plugin.api.CheckResult;
import org.jobpricing.plugin.api.PluginContext;
import org.jobpricing.plugin.api.PluginHttp;
import org.jobpricing.plugin.api.Problem;
import org.jobpricing.server.api.MarketDataJobView;
import org.jobpricing.server.api.RefreshResult;
import org.jobpricing.server.audit.AuditLog;
import org.jobpricing.server.db.MarketJobDao;
import org.jobpricing.server.failures.EntityNotFoundException;
import org.jobpricing.server.failures.FieldError;
import org.jobpricing.server.failures.StateConflictException;
import org.jobpricing.server.metrics.BusinessMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs market-data sources as jobs: on start-up, on demand and on schedule. Before a run, a server
 * records the job and takes the source's lease in the database, so a source never runs twice at once
 * even with several servers on one database, and a scheduled due time is claimed by exactly one
 * server. Every run is recorded with its outcome (see {@link SourceRun}).
 */
public final class MarketDataJobs implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(MarketDataJobs.class);
    private static final TypeReference<List<Problem>> PROBLEMS = new TypeReference<>() {};

    private final String serverId = "server-" + UUID.randomUUID().toString().substring(0, 8);
    private final PluginHost host;
    private final MarketJobDao jobs;
    private final Map<String, Map<String, String>> pluginConfig;
    private final Duration timeout;
    private final boolean refreshOnStart;
    private final PluginHttp http;
    private final BusinessMetrics metrics;
    private final ObjectMapper json;
    private final Clock clock;
    private final AuditLog audit;
    private final ExecutorService calls = Executors.newCachedThreadPool(daemon("plugin-call"));
    private final ExecutorService runs = Executors.newCachedThreadPool(daemon("market-data-job"));
    private final SourceRun runner;

    public MarketDataJobs(
            PluginHost host,
            MarketJobDao jobs,
            Runnable dataChanged,
            Map<String, Map<String, String>> pluginConfig,
            Duration timeout,
            boolean refreshOnStart,
            PluginHttp http,
            BusinessMetrics metrics,
            ObjectMapper json,
            Clock clock,
            AuditLog audit) {
        this.audit = audit;
        this.host = host;
        this.jobs = jobs;
        this.pluginConfig = pluginConfig;
        this.timeout = timeout;
        this.refreshOnStart = refreshOnStart;
        this.http = http;
        this.metrics = metrics;
        this.json = json;
        this.clock = clock;
        this.runner = new SourceRun(jobs, dataChanged, calls, timeout, json, clock);
        metrics.lastSuccessFrom(() -> jobs.lastSuccesses().stream()
                .map(s -> new BusinessMetrics.LastSuccess(
                        s.pluginId(), s.source(), s.lastSuccessAt().toInstant().getEpochSecond()))
                .toList());
    }

    @Override
    public void start() {
        if (refreshOnStart) {
            refreshAll("STARTUP", "system")
                    .sources()
                    .forEach(s -> LOG.info(
                            "startup refresh {}/{}: {} ({} stored, {} rejected)",
                            s.plugin(),
                            s.source(),
                            s.status(),
                            s.imported(),
                            s.rejected()));
        }
    }

    @Override
    public void stop() throws InterruptedException {
        // plugin calls are interrupted, so runs end quickly (recorded FAILED, nothing stored); the run threads
        // themselves are not: they may be writing to the database, and H2 closes its file on an interrupt
        runs.shutdown();
        calls.shutdownNow();
        if (!runs.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)) {
            LOG.warn("market-data runs still going after 30 s at shutdown; their leases expire on their own");
        }
    }

    /** The id this server writes into jobs and leases. */
    public String serverId() {
        return serverId;
    }

    /** The context a plugin gets: its own configuration, the clock, an HTTP client and a logger. */
    public PluginContext context(String pluginId) {
        return PluginContext.of(pluginId, pluginConfig.getOrDefault(pluginId, Map.of()), clock, http);
    }

    /** Required settings a source's configuration leaves unset (then it is skipped, not failed). */
    public List<String> missingSettings(PluginHost.Source source) {
        return source.source().missingSettings(context(source.pluginId()).config());
    }

    /** Runs every enabled source now, one after the other, and waits; busy sources are reported SKIPPED. */
    /** Refreshes every source now for {@code by}, audited with each source's outcome. */
    public RefreshResult refreshNow(String by, AuditLog.Origin origin) {
        return audit.audited(
                by,
                "market-data.refresh",
                "plugins",
                origin,
                () -> refreshAll("MANUAL", by),
                result -> result.sources().stream()
                        .map(s -> s.plugin() + "/" + s.source() + " " + s.status() + " " + s.imported() + " stored, "
                                + s.rejected() + " rejected")
                        .collect(java.util.stream.Collectors.joining("; ")));
    }

    /** Starts runs of one source (or all) in the background for {@code by}, audited with the jobs started. */
    public List<MarketDataJobView> startNow(String sourceName, String by, AuditLog.Origin origin) {
        return audit.audited(
                by,
                "market-data.job-start",
                sourceName == null ? "all sources" : sourceName,
                origin,
                () -> startNow(sourceName, by),
                started -> started.stream()
                        .map(j -> "job " + j.id() + " " + j.plugin() + "/" + j.source())
                        .collect(java.util.stream.Collectors.joining("; ")));
    }

    public RefreshResult refreshAll(String trigger, String by) {
        List<RefreshResult.SourceRefresh> results = new ArrayList<>();
        for (PluginHost.Source source : host.marketDataSources()) {
            List<String> missing = missingSettings(source);
            if (!missing.isEmpty()) {
                results.add(new RefreshResult.SourceRefresh(
                        source.pluginId(),
                        source.source().name(),
                        "SKIPPED",
                        0,
                        0,
                        List.of(new Problem(
                                0,
                                String.join(",", missing),
                                "not configured: set plugins.config." + source.pluginId() + "."
                                        + String.join(", ", missing)))));
                continue;
            }
            Optional<Long> job = claim(source, trigger, null, by);
            if (job.isEmpty()) {
                results.add(new RefreshResult.SourceRefresh(
                        source.pluginId(),
                        source.source().name(),
                        "SKIPPED",
                        0,
                        0,
                        List.of(new Problem(0, null, "another run of this source is in progress"))));
                continue;
            }
            SourceRun.Outcome outcome = execute(job.get(), source);
            results.add(new RefreshResult.SourceRefresh(
                    source.pluginId(),
                    source.source().name(),
                    outcome.status(),
                    outcome.rowsOut(),
                    outcome.rowsRejected(),
                    outcome.problems().stream()
                            .limit(SourceRun.MAX_STORED_PROBLEMS)
                            .toList()));
        }
        return new RefreshResult(results);
    }

    /**
     * Starts runs now, in the background: of the named source, or of every enabled source when
     * {@code sourceName} is null. 404 for an unknown source, 409 when it is disabled or already running.
     */
    public List<MarketDataJobView> startNow(String sourceName, String by) {
        List<PluginHost.Source> sources = host.marketDataSources();
        if (sourceName != null) {
            sources = sources.stream()
                    .filter(s -> s.source().name().equals(sourceName))
                    .toList();
            if (sources.isEmpty()) {
                throw host.isDisabledSource(sourceName)
                        ? new StateConflictException(
                                "SOURCE_DISABLED",
                                "source " + sourceName + " belongs to a disabled plugin; enable it first",
                                List.of(new FieldError("source", "belongs to a disabled plugin")))
                        : new EntityNotFoundException(
                                "NOT_FOUND",
                                "market-data source " + sourceName
                                        + " is not provided by any running plugin"
                                        + (host.stoppedPlugins().isEmpty()
                                                ? ""
                                                : " (not running: " + String.join(", ", host.stoppedPlugins()) + ")"),
                                List.of(new FieldError("source", "no running plugin provides this source")));
            }
        }
        if (sourceName != null && !missingSettings(sources.get(0)).isEmpty()) {
            throw new StateConflictException(
                    "SOURCE_NOT_CONFIGURED",
                    "source " + sourceName + " is not configured: set "
                            + String.join(", ", missingSettings(sources.get(0))) + " under plugins.config."
                            + sources.get(0).pluginId(),
                    List.of(new FieldError("source", "is not configured")));
        }
        List<MarketDataJobView> started = new ArrayList<>();
        for (PluginHost.Source source : sources) {
            if (!missingSettings(source).isEmpty()) {
                continue;
            }
            Optional<Long> job = claim(source, "MANUAL", null, by);
            if (job.isEmpty()) {
                if (sourceName != null) {
                    throw new StateConflictException(
                            "JOB_RUNNING",
                            "a run of " + sourceName + " is already in progress; see GET /api/v1/market-data/jobs",
                            List.of(new FieldError("source", "has a run in progress")));
                }
                continue;
            }
            started.add(job(job.get()).orElseThrow());
            runs.submit(() -> execute(job.get(), source));
        }
        return started;
    }

    /**
     * Claims the run of a schedule's due time: only the first server to record it gets it. Returns the
     * job id when this server should run it.
     */
    Optional<Long> claimScheduled(PluginHost.Source source, Instant due) {
        return claim(source, "SCHEDULE", due, "scheduler");
    }

    /** Runs a claimed job in the background. */
    void runInBackground(long jobId, PluginHost.Source source) {
        runs.submit(() -> execute(jobId, source));
    }

    /** The connection test of a source, under the time limit. */
    public CheckResult check(PluginHost.Source source) {
        try {
            CheckResult result = runner.call(() -> source.source().check(context(source.pluginId())));
            return result == null ? CheckResult.failed("check returned nothing (null)") : result;
        } catch (SourceRun.PluginCallException e) {
            return CheckResult.failed("check failed: " + e.getMessage());
        }
    }

    public List<MarketDataJobView> history(String source, String status, int limit) {
        return jobs.jobs(source, status, limit).stream().map(this::view).toList();
    }

    public Optional<MarketDataJobView> job(long id) {
        return jobs.job(id).map(this::view);
    }

    /** The last finished or running (not skipped) job of each source of a plugin. */
    public List<MarketDataJobView> lastRuns(String pluginId) {
        return jobs.lastRuns(pluginId).stream().map(this::view).toList();
    }

    /** Last successful run and cursor of a source, if it ever ran. */
    public Optional<MarketJobDao.StateRow> state(String pluginId, String source) {
        return jobs.state(pluginId, source);
    }

    private SourceRun.Outcome execute(long jobId, PluginHost.Source source) {
        SourceRun.Outcome outcome = runner.run(jobId, source, context(source.pluginId()), serverId);
        metrics.refreshed(source.pluginId(), source.source().name(), outcome.status());
        return outcome;
    }

    /**
     * Records a RUNNING job and takes the source's lease. For a scheduled due time, a second server's
     * insert hits the unique (plugin, source, due time) key and gets nothing. A source already leased
     * gets its job recorded as SKIPPED (scheduled) or nothing (manual).
     */
    private Optional<Long> claim(PluginHost.Source source, String trigger, Instant due, String by) {
        String pluginId = source.pluginId();
        String name = source.source().name();
        Timestamp now = Timestamp.from(clock.instant());
        Timestamp until = Timestamp.from(clock.instant().plus(timeout).plusSeconds(60));
        MarketJobDao.Claiming claiming = new MarketJobDao.Claiming(
                pluginId, name, trigger, due == null ? null : Timestamp.from(due), now, until, serverId, by);
        try {
            MarketJobDao.Claim claim = jobs.claim(
                    claiming,
                    runner.problemsJson(List.of(new Problem(0, null, "another run of this source was in progress"))),
                    runner.problemsJson(List.of(
                            new Problem(0, null, "abandoned: the server running it stopped before it finished"))));
            if (claim.abandoned() > 0) {
                LOG.warn(
                        "{} run(s) of {}/{} were left unfinished by a stopped server; marked FAILED",
                        claim.abandoned(),
                        pluginId,
                        name);
            }
            return claim.job();
        } catch (UnableToExecuteStatementException e) {
            if (due != null && e.getCause() instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return Optional.empty(); // another server recorded this due time first
            }
            throw e;
        }
    }

    private MarketDataJobView view(MarketJobDao.JobRow r) {
        List<Problem> problems;
        try {
            problems = r.problems() == null ? List.of() : json.readValue(r.problems(), PROBLEMS);
        } catch (java.io.IOException e) {
            problems = List.of(new Problem(0, null, "unreadable problem list"));
        }
        return new MarketDataJobView(
                r.id(),
                r.pluginId(),
                r.source(),
                r.jobTrigger(),
                instant(r.scheduledFor()),
                r.status(),
                instant(r.startedAt()),
                instant(r.finishedAt()),
                r.rowsIn(),
                r.rowsOut(),
                r.rowsRejected(),
                problems,
                r.cursorBefore(),
                r.cursorAfter(),
                r.serverId(),
                r.startedBy());
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
