package org.jobpricing.server.db;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.CreateSqlObject;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;
import org.jdbi.v3.sqlobject.transaction.Transactional;

/**
 * Market-data jobs (run history), per-source state (cursor, lease) and plugin on/off settings. Transactional
 * for {@link #claim}: a manual claim that finds the source busy rolls back the job it recorded.
 */
@RegisterConstructorMapper(MarketJobDao.JobRow.class)
@RegisterConstructorMapper(MarketJobDao.StateRow.class)
public interface MarketJobDao extends Transactional<MarketJobDao> {

    /** One run of one source. */
    record JobRow(
            long id,
            String pluginId,
            String source,
            String jobTrigger,
            Timestamp scheduledFor,
            String status,
            Timestamp startedAt,
            Timestamp finishedAt,
            int rowsIn,
            int rowsOut,
            int rowsRejected,
            String problems,
            String cursorBefore,
            String cursorAfter,
            String serverId,
            String startedBy) {}

    /** What the host keeps per source between runs. */
    record StateRow(
            String pluginId,
            String source,
            String cursorValue,
            String leaseHolder,
            Timestamp leaseUntil,
            Timestamp lastSuccessAt) {}

    /** How a run ended, as its job row records it. */
    record JobEnd(
            long id,
            String status,
            Timestamp finishedAt,
            int rowsIn,
            int rowsOut,
            int rowsRejected,
            String problems,
            String cursorBefore,
            String cursorAfter) {

        /** This end, finished at {@code at}. */
        public JobEnd at(Timestamp at) {
            return new JobEnd(id, status, at, rowsIn, rowsOut, rowsRejected, problems, cursorBefore, cursorAfter);
        }
    }

    /** A run to claim: whose source, why, for which due time (null: now) and until when the lease holds. */
    record Claiming(
            String pluginId,
            String source,
            String trigger,
            Timestamp due,
            Timestamp now,
            Timestamp leaseUntil,
            String holder,
            String startedBy) {}

    /** A claim's outcome: the job to run (empty: the source is busy), and the stopped servers' runs failed. */
    record Claim(Optional<Long> job, int abandoned) {}

    String JOB_COLUMNS = "id, plugin_id, source, job_trigger, scheduled_for, status, started_at, finished_at, rows_in, "
            + "rows_out, rows_rejected, problems, cursor_before, cursor_after, server_id, started_by";

    @SqlUpdate("INSERT INTO market_data_job (plugin_id, source, job_trigger, scheduled_for, status, started_at, "
            + "server_id, started_by) VALUES (:pluginId, :source, :trigger, :scheduledFor, 'RUNNING', :startedAt, "
            + ":serverId, :startedBy)")
    @GetGeneratedKeys("id")
    long insertJob(
            @Bind("pluginId") String pluginId,
            @Bind("source") String source,
            @Bind("trigger") String trigger,
            @Bind("scheduledFor") Timestamp scheduledFor,
            @Bind("startedAt") Timestamp startedAt,
            @Bind("serverId") String serverId,
            @Bind("startedBy") String startedBy);

    @SqlUpdate("UPDATE market_data_job SET status = :status, finished_at = :finishedAt, rows_in = :rowsIn, "
            + "rows_out = :rowsOut, rows_rejected = :rowsRejected, problems = :problems, cursor_before = :cursorBefore, "
            + "cursor_after = :cursorAfter WHERE id = :id")
    void finishJob(@BindMethods JobEnd end);

    /**
     * Records a RUNNING job and takes the source's lease, in one transaction. For a scheduled due time, a
     * second server's insert hits the unique (plugin, source, due time) key and throws. When the lease is
     * held, a scheduled run is recorded SKIPPED with {@code skipped} as its problems and a manual one leaves
     * nothing (rolled back); when it is taken, runs left RUNNING by others are failed with {@code abandoned}.
     */
    @Transaction
    default Claim claim(Claiming run, String skipped, String abandoned) {
        ensureState(run.pluginId(), run.source());
        long id = insertJob(
                run.pluginId(), run.source(), run.trigger(), run.due(), run.now(), run.holder(), run.startedBy());
        if (takeLease(run.pluginId(), run.source(), run.holder(), run.leaseUntil(), run.now()) == 0) {
            if (run.due() == null) {
                rollback();
                return new Claim(Optional.empty(), 0);
            }
            finishJob(new JobEnd(id, "SKIPPED", run.now(), 0, 0, 0, skipped, null, null));
            return new Claim(Optional.empty(), 0);
        }
        int failed = abandon(run.pluginId(), run.source(), id, run.now(), abandoned);
        return new Claim(Optional.of(id), failed);
    }

    @CreateSqlObject
    ObservationDao observations();

    @CreateSqlObject
    DataVersionDao dataVersion();

    /**
     * Stores a good run of a source: its rows (and the data version's bump, when there are any), the source's
     * new cursor, the job's end (finished as {@code clock} says once the rows are in) and the release of
     * {@code holder}'s lease. Readers see all of it or none of it, and nothing of it stays when any of it
     * fails. Loads of this source left unfinished by a stopped server go first. A first load of more than
     * one chunk (nothing of its sources is stored yet) is written in chunks, each its own transaction and
     * invisible until the last, small one ends the load: one transaction of 300,000 rows is what made
     * H2 slow. Any other run replaces rows by key in one transaction.
     */
    default void storeRun(
            String pluginId,
            String source,
            String holder,
            List<ObservationDao.Row> rows,
            String cursor,
            Timestamp succeededAt,
            JobEnd end,
            Clock clock) {
        ObservationDao observations = observations();
        observations.discardLoads(pluginId, source);
        boolean firstLoad = rows.size() > ObservationDao.CHUNK
                && rows.stream()
                        .map(ObservationDao.Row::sourceId)
                        .distinct()
                        .allMatch(s -> observations.countBySource(s) == 0);
        if (!firstLoad) {
            storeRunAtOnce(pluginId, source, holder, rows, cursor, succeededAt, end, clock);
            return;
        }
        long load = observations.startLoad(pluginId, source, succeededAt);
        try {
            for (int from = 0; from < rows.size(); from += ObservationDao.CHUNK) {
                observations.insertChunk(rows.subList(from, Math.min(rows.size(), from + ObservationDao.CHUNK)), load);
            }
            endLoad(load, pluginId, source, holder, cursor, succeededAt, end, clock);
        } catch (RuntimeException e) {
            try {
                observations.discardLoads(pluginId, source);
            } catch (RuntimeException cleanup) {
                // the rows stay invisible; the source's next run deletes them
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** Ends a load in chunks: its rows appear, with the cursor, the job's end and the lease's release. */
    @Transaction
    default void endLoad(
            long load,
            String pluginId,
            String source,
            String holder,
            String cursor,
            Timestamp succeededAt,
            JobEnd end,
            Clock clock) {
        if (observations().endLoad(load) != 1) {
            throw new IllegalStateException("load " + load + " of " + pluginId + "/" + source + " was discarded");
        }
        dataVersion().bump();
        closeRun(pluginId, source, holder, cursor, succeededAt, end, clock);
    }

    /** Stores a run in one transaction: rows replaced by key, cursor, job's end, lease released. */
    @Transaction
    default void storeRunAtOnce(
            String pluginId,
            String source,
            String holder,
            List<ObservationDao.Row> rows,
            String cursor,
            Timestamp succeededAt,
            JobEnd end,
            Clock clock) {
        if (!rows.isEmpty()) {
            observations().upsert(rows);
            dataVersion().bump();
        }
        closeRun(pluginId, source, holder, cursor, succeededAt, end, clock);
    }

    /** The end of a good run, inside its last transaction: the new cursor, the job's end, the lease released. */
    private void closeRun(
            String pluginId,
            String source,
            String holder,
            String cursor,
            Timestamp succeededAt,
            JobEnd end,
            Clock clock) {
        succeeded(pluginId, source, cursor, succeededAt);
        finishJob(end.at(Timestamp.from(clock.instant())));
        releaseLease(pluginId, source, holder);
    }

    /** Records a failed run's end and releases {@code holder}'s lease, in one transaction. */
    @Transaction
    default void endRun(String pluginId, String source, String holder, JobEnd end) {
        finishJob(end);
        releaseLease(pluginId, source, holder);
    }

    /** Runs of a source left RUNNING by a server that stopped mid-run (its lease has expired). */
    @SqlUpdate("UPDATE market_data_job SET status = 'FAILED', finished_at = :now, problems = :problems "
            + "WHERE plugin_id = :pluginId AND source = :source AND status = 'RUNNING' AND id <> :keep")
    int abandon(
            @Bind("pluginId") String pluginId,
            @Bind("source") String source,
            @Bind("keep") long keep,
            @Bind("now") Timestamp now,
            @Bind("problems") String problems);

    @SqlQuery("SELECT " + JOB_COLUMNS + " FROM market_data_job WHERE id = :id")
    Optional<JobRow> job(@Bind("id") long id);

    @SqlQuery("SELECT " + JOB_COLUMNS + " FROM market_data_job WHERE (CAST(:source AS VARCHAR(100)) IS NULL "
            + "OR source = :source) AND (CAST(:status AS VARCHAR(20)) IS NULL OR status = :status) "
            + "ORDER BY id DESC LIMIT :limit")
    List<JobRow> jobs(@Bind("source") String source, @Bind("status") String status, @Bind("limit") int limit);

    @SqlQuery("SELECT " + JOB_COLUMNS + " FROM market_data_job j WHERE plugin_id = :pluginId AND id = "
            + "(SELECT MAX(id) FROM market_data_job k WHERE k.plugin_id = j.plugin_id AND k.source = j.source "
            + "AND k.status <> 'SKIPPED') ORDER BY source")
    List<JobRow> lastRuns(@Bind("pluginId") String pluginId);

    @SqlUpdate("INSERT INTO source_state (plugin_id, source) SELECT :pluginId, :source WHERE NOT EXISTS "
            + "(SELECT 1 FROM source_state WHERE plugin_id = :pluginId AND source = :source)")
    void ensureState(@Bind("pluginId") String pluginId, @Bind("source") String source);

    /** Takes the source's lease when nobody holds it or the holder's lease has run out; 1 = taken. */
    @SqlUpdate("UPDATE source_state SET lease_holder = :holder, lease_until = :until WHERE plugin_id = :pluginId "
            + "AND source = :source AND (lease_holder IS NULL OR lease_until < :now)")
    int takeLease(
            @Bind("pluginId") String pluginId,
            @Bind("source") String source,
            @Bind("holder") String holder,
            @Bind("until") Timestamp until,
            @Bind("now") Timestamp now);

    @SqlUpdate("UPDATE source_state SET lease_holder = NULL, lease_until = NULL WHERE plugin_id = :pluginId "
            + "AND source = :source AND lease_holder = :holder")
    void releaseLease(@Bind("pluginId") String pluginId, @Bind("source") String source, @Bind("holder") String holder);

    @SqlUpdate("UPDATE source_state SET cursor_value = :cursor, last_success_at = :at WHERE plugin_id = :pluginId "
            + "AND source = :source")
    void succeeded(
            @Bind("pluginId") String pluginId,
            @Bind("source") String source,
            @Bind("cursor") String cursor,
            @Bind("at") Timestamp at);

    @SqlQuery("SELECT plugin_id, source, cursor_value, lease_holder, lease_until, last_success_at FROM source_state "
            + "WHERE plugin_id = :pluginId AND source = :source")
    Optional<StateRow> state(@Bind("pluginId") String pluginId, @Bind("source") String source);

    @SqlQuery("SELECT plugin_id, source, cursor_value, lease_holder, lease_until, last_success_at FROM source_state "
            + "WHERE last_success_at IS NOT NULL ORDER BY plugin_id, source")
    List<StateRow> lastSuccesses();

    @SqlQuery("SELECT plugin_id FROM plugin_setting WHERE enabled = FALSE")
    List<String> disabledPlugins();

    @SqlUpdate("DELETE FROM plugin_setting WHERE plugin_id = :pluginId")
    void clearSetting(@Bind("pluginId") String pluginId);

    @SqlUpdate("INSERT INTO plugin_setting (plugin_id, enabled, changed_by, changed_at) VALUES (:pluginId, :enabled, "
            + ":by, :at)")
    void insertSetting(
            @Bind("pluginId") String pluginId,
            @Bind("enabled") boolean enabled,
            @Bind("by") String by,
            @Bind("at") Timestamp at);

    /** Turns a plugin on or off: its one setting replaced in one transaction. */
    @Transaction
    default void setPlugin(String pluginId, boolean enabled, String by, Timestamp at) {
        clearSetting(pluginId);
        insertSetting(pluginId, enabled, by, at);
    }
}
