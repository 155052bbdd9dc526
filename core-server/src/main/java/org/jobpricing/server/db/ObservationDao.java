package org.jobpricing.server.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.BatchChunkSize;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;
import org.jobpricing.plugin.api.MarketObservation;
import org.jobpricing.plugin.api.PayPeriod;
import org.jobpricing.plugin.api.SourceType;

/** Market observations. Empty level and area are stored as ''. */
@RegisterRowMapper(ObservationDao.Mapper.class)
public interface ObservationDao {

    /** Rows not in a load still being written (see {@link MarketJobDao#storeRun}). */
    String VISIBLE = "(load_id IS NULL OR load_id NOT IN (SELECT id FROM observation_load))";

    /** Rows per transaction of a load in chunks, and per JDBC batch. */
    int CHUNK = 5000;

    String COLUMNS = "source_id, source_type, occupation_code, level, country, area, currency, period, "
            + "effective_date, p10, p25, p50, p75, p90, sample_size, org_count, origin, loaded_at";

    /** Row values in storage form. */
    record Row(
            String sourceId,
            String sourceType,
            String occupationCode,
            String level,
            String country,
            String area,
            String currency,
            String period,
            LocalDate effectiveDate,
            Double p10,
            Double p25,
            Double p50,
            Double p75,
            Double p90,
            int sampleSize,
            Integer orgCount,
            String origin,
            Timestamp loadedAt) {

        public static Row of(MarketObservation o, String origin, Instant loadedAt) {
            return new Row(
                    o.sourceId(),
                    o.sourceType().name(),
                    o.occupationCode(),
                    blank(o.level()),
                    o.country(),
                    blank(o.area()),
                    o.currency(),
                    o.period().name(),
                    o.effectiveDate(),
                    o.p10(),
                    o.p25(),
                    o.p50(),
                    o.p75(),
                    o.p90(),
                    o.sampleSize(),
                    o.orgCount(),
                    origin,
                    Timestamp.from(loadedAt));
        }

        private static String blank(String v) {
            return v == null ? "" : v;
        }
    }

    @SqlBatch("DELETE FROM market_observation WHERE source_id = :sourceId AND occupation_code = :occupationCode "
            + "AND level = :level AND country = :country AND area = :area AND effective_date = :effectiveDate")
    @BatchChunkSize(5000)
    void deleteByKey(@BindMethods List<Row> rows);

    @SqlBatch("INSERT INTO market_observation (" + COLUMNS + ") VALUES (:sourceId, :sourceType, :occupationCode, "
            + ":level, :country, :area, :currency, :period, :effectiveDate, :p10, :p25, :p50, :p75, :p90, "
            + ":sampleSize, :orgCount, :origin, :loadedAt)")
    @BatchChunkSize(5000)
    void insert(@BindMethods List<Row> rows);

    /** Inserts one chunk of a load in chunks, invisible until the load ends, in one transaction. */
    @SqlBatch("INSERT INTO market_observation (" + COLUMNS + ", load_id) VALUES (:sourceId, :sourceType, "
            + ":occupationCode, :level, :country, :area, :currency, :period, :effectiveDate, :p10, :p25, :p50, "
            + ":p75, :p90, :sampleSize, :orgCount, :origin, :loadedAt, :loadId)")
    @BatchChunkSize(CHUNK)
    @Transaction
    void insertChunk(@BindMethods List<Row> rows, @Bind("loadId") long loadId);

    @SqlUpdate("INSERT INTO observation_load (plugin_id, source, started_at) VALUES (:pluginId, :source, :at)")
    @GetGeneratedKeys("id")
    long startLoad(@Bind("pluginId") String pluginId, @Bind("source") String source, @Bind("at") Timestamp at);

    /** Makes a load's rows visible, all at once. */
    @SqlUpdate("DELETE FROM observation_load WHERE id = :id")
    int endLoad(@Bind("id") long id);

    @SqlQuery("SELECT id FROM observation_load WHERE plugin_id = :pluginId AND source = :source ORDER BY id")
    List<Long> loads(@Bind("pluginId") String pluginId, @Bind("source") String source);

    @SqlQuery("SELECT MIN(id) FROM market_observation WHERE load_id = :load")
    Optional<Long> firstRowOf(@Bind("load") long load);

    @SqlQuery("SELECT MAX(id) FROM market_observation WHERE load_id = :load")
    Optional<Long> lastRowOf(@Bind("load") long load);

    /** Deletes the rows of a load whose ids are in [from, to), one range of the primary key. */
    @SqlUpdate("DELETE FROM market_observation WHERE id >= :from AND id < :to AND load_id = :load")
    int deleteLoadRows(@Bind("load") long load, @Bind("from") long from, @Bind("to") long to);

    /**
     * Deletes the loads of a source that were left unfinished (their server stopped or failed mid-load) and
     * their rows, a chunk of ids per statement so no transaction is large; the caller holds the source's
     * lease, so no load of it is running. Their rows were never visible.
     */
    default void discardLoads(String pluginId, String source) {
        for (long load : loads(pluginId, source)) {
            Optional<Long> first = firstRowOf(load);
            if (first.isPresent()) {
                long last = lastRowOf(load).orElseThrow();
                for (long from = first.get(); from <= last; from += CHUNK) {
                    deleteLoadRows(load, from, from + CHUNK);
                }
            }
            endLoad(load);
        }
    }

    @SqlQuery("SELECT COUNT(*) FROM market_observation WHERE source_id = :sourceId AND " + VISIBLE)
    long countBySource(@Bind("sourceId") String sourceId);

    /**
     * Inserts the rows, replacing any stored row with the same key, all in one transaction. Rows of
     * sources with nothing stored yet (a first load) are inserted in bulk without looking for old ones.
     */
    @Transaction
    default void upsert(List<Row> rows) {
        boolean anyStored = rows.stream().map(Row::sourceId).distinct().anyMatch(s -> countBySource(s) > 0);
        if (anyStored) {
            deleteByKey(rows);
        }
        insert(rows);
    }

    @SqlQuery("SELECT " + COLUMNS + " FROM market_observation WHERE occupation_code = :occupationCode "
            + "AND country = :country AND " + VISIBLE + " ORDER BY source_id, effective_date, level, area")
    List<StoredObservation> find(@Bind("occupationCode") String occupationCode, @Bind("country") String country);

    @SqlQuery("SELECT " + COLUMNS
            + " FROM market_observation WHERE (CAST(:occupationCode AS VARCHAR(20)) IS NULL OR occupation_code = "
            + ":occupationCode) AND (CAST(:country AS VARCHAR(2)) IS NULL OR country = :country) "
            + "AND " + VISIBLE + " ORDER BY occupation_code, country, source_id, effective_date, level, area "
            + "LIMIT :limit OFFSET :offset")
    List<StoredObservation> list(
            @Bind("occupationCode") String occupationCode,
            @Bind("country") String country,
            @Bind("limit") int limit,
            @Bind("offset") int offset);

    @SqlQuery("SELECT COUNT(*) FROM market_observation WHERE " + VISIBLE)
    long count();

    /** Maps a row back to the domain record. */
    class Mapper implements RowMapper<StoredObservation> {
        @Override
        public StoredObservation map(ResultSet rs, StatementContext ctx) throws SQLException {
            MarketObservation o = new MarketObservation(
                    rs.getString("source_id"),
                    SourceType.valueOf(rs.getString("source_type")),
                    rs.getString("occupation_code"),
                    emptyToNull(rs.getString("level")),
                    rs.getString("country").trim(),
                    emptyToNull(rs.getString("area")),
                    rs.getString("currency").trim(),
                    PayPeriod.valueOf(rs.getString("period")),
                    rs.getObject("effective_date", LocalDate.class),
                    nullable(rs, "p10"),
                    nullable(rs, "p25"),
                    nullable(rs, "p50"),
                    nullable(rs, "p75"),
                    nullable(rs, "p90"),
                    rs.getInt("sample_size"),
                    (Integer) rs.getObject("org_count"));
            return new StoredObservation(
                    o, rs.getString("origin"), rs.getTimestamp("loaded_at").toInstant());
        }

        private static String emptyToNull(String v) {
            return v == null || v.isEmpty() ? null : v;
        }

        private static Double nullable(ResultSet rs, String column) throws SQLException {
            double v = rs.getDouble(column);
            return rs.wasNull() ? null : v;
        }
    }
}
