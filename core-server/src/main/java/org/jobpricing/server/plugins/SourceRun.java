package org.jobpricing.server.plugins;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jobpricing.plugin.api.ConfigField;
import org.jobpricing.plugin.api.FetchResult;
import org.jobpricing.plugin.api.MarketObservation;
import org.jobpricing.plugin.api.ObservationChecks;
import org.jobpricing.plugin.api.PluginContext;
import org.jobpricing.plugin.api.Problem;
import org.jobpricing.server.db.MarketJobDao;
import org.jobpricing.server.db.ObservationDao;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes one claimed run of one source: configuration checked against the source's schema, fetch
 * from the stored cursor under a time limit, every row checked, and then - in one transaction - the
 * valid rows, the new cursor, the job's outcome and the lease's release. A run that fails stores
 * nothing and keeps the cursor, so the data and cursor of the last good run keep serving.
 */
final class SourceRun {

    private static final Logger LOG = LoggerFactory.getLogger(SourceRun.class);
    static final int MAX_STORED_PROBLEMS = 50;

    /** How a run ended. */
    record Outcome(String status, int rowsIn, int rowsOut, int rowsRejected, List<Problem> problems) {}

    private final MarketJobDao jobs;
    private final Runnable dataChanged;
    private final ExecutorService executor;
    private final Duration timeout;
    private final ObjectMapper json;
    private final Clock clock;

    SourceRun(
            MarketJobDao jobs,
            Runnable dataChanged,
            ExecutorService executor,
            Duration timeout,
            ObjectMapper json,
            Clock clock) {
        this.jobs = jobs;
        this.dataChanged = dataChanged;
        this.executor = executor;
        this.timeout = timeout;
        this.json = json;
        this.clock = clock;
    }

    /** Calls a plugin method under the time limit; the exception says what went wrong in words. */
    <T> T call(Callable<T> work) throws PluginCallException {
        Future<T> future = executor.submit(work);
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new PluginCallException("timed out after " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new PluginCallException(cause.getClass().getSimpleName() + ": " + cause.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PluginCallException("interrupted");
        }
    }

    /** A plugin call that threw, hung or was interrupted. */
    static final class PluginCallException extends Exception {
        private static final long serialVersionUID = 1L;

        PluginCallException(String message) {
            super(message);
        }
    }

    /** Runs the claimed job {@code jobId} of {@code source} (whose lease this server holds). */
    Outcome run(long jobId, PluginHost.Source source, PluginContext context, String holder) {
        String pluginId = source.pluginId();
        String name = source.source().name();
        String cursor = jobs.state(pluginId, name)
                .map(MarketJobDao.StateRow::cursorValue)
                .orElse(null);
        List<Problem> configProblems = ConfigField.validate(source.source().configSchema(), context.config());
        if (!configProblems.isEmpty()) {
            return fail(jobId, source, holder, cursor, "configuration invalid", configProblems);
        }
        FetchResult fetched;
        try {
            fetched = call(() -> source.source().fetch(context, cursor));
            if (fetched == null) {
                throw new PluginCallException("fetch returned nothing (null)");
            }
        } catch (PluginCallException e) {
            return fail(jobId, source, holder, cursor, e.getMessage(), List.of());
        }
        List<Problem> problems = new ArrayList<>(fetched.warnings());
        ObservationChecks.Checked checked = ObservationChecks.checkRows(fetched.observations(), LocalDate.now(clock));
        problems.addAll(checked.rejected());
        List<MarketObservation> valid = checked.valid();
        int rejected = fetched.observations().size() - valid.size();
        String status = rejected == 0 ? "OK" : "PARTIAL";
        String nextCursor = fetched.nextCursor() == null ? cursor : fetched.nextCursor();
        Outcome outcome = new Outcome(status, fetched.observations().size(), valid.size(), rejected, problems);
        Timestamp now = Timestamp.from(clock.instant());
        String origin = "plugin:" + pluginId;
        List<ObservationDao.Row> rows = valid.stream()
                .map(o -> ObservationDao.Row.of(o, origin, clock.instant()))
                .toList();
        try {
            // the job's end is stamped inside the transaction, once the rows are in
            jobs.storeRun(
                    pluginId, name, holder, rows, nextCursor, now, end(jobId, outcome, cursor, nextCursor), clock);
        } catch (RuntimeException e) {
            LOG.error("storing the run of {}/{} failed; nothing stored", pluginId, name, e);
            return fail(jobId, source, holder, cursor, "storing failed, nothing stored: " + e.getMessage(), problems);
        }
        if (!rows.isEmpty()) {
            dataChanged.run();
        }
        return outcome;
    }

    private Outcome fail(
            long jobId, PluginHost.Source source, String holder, String cursor, String why, List<Problem> details) {
        LOG.warn(
                "market-data source {}/{} failed: {}",
                source.pluginId(),
                source.source().name(),
                why);
        List<Problem> problems = new ArrayList<>();
        problems.add(new Problem(0, null, why));
        problems.addAll(details);
        Outcome outcome = new Outcome("FAILED", 0, 0, 0, problems);
        jobs.endRun(
                source.pluginId(),
                source.source().name(),
                holder,
                end(jobId, outcome, cursor, cursor).at(Timestamp.from(clock.instant())));
        return outcome;
    }

    /** The job's row for {@code outcome}, its finishing time still to be set. */
    private MarketJobDao.JobEnd end(long jobId, Outcome outcome, String cursorBefore, String cursorAfter) {
        return new MarketJobDao.JobEnd(
                jobId,
                outcome.status(),
                null,
                outcome.rowsIn(),
                outcome.rowsOut(),
                outcome.rowsRejected(),
                problemsJson(outcome.problems()),
                cursorBefore,
                cursorAfter);
    }

    String problemsJson(List<Problem> problems) {
        try {
            return json.writeValueAsString(
                    problems.stream().limit(MAX_STORED_PROBLEMS).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
