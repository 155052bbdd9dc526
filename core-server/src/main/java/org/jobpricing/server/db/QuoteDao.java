package org.jobpricing.server.db;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** Stored quotes: the request and the full response, as JSON. */
public interface QuoteDao extends SqlObject {

    /** One stored quote; {@code author} is the username of who priced it. */
    record Row(
            String id,
            Timestamp createdAt,
            String occupationCode,
            String level,
            String country,
            String rulesetVersion,
            String requestJson,
            String responseJson,
            String author) {}

    /** A stored quote's request and response. */
    record Stored(String id, String requestJson, String responseJson) {}

    @SqlQuery("SELECT id, request_json, response_json FROM quote ORDER BY created_at DESC, id LIMIT :limit")
    @RegisterConstructorMapper(Stored.class)
    List<Stored> latest(@Bind("limit") int limit);

    String COLUMNS = "id, created_at, occupation_code, level, country, ruleset_version, request_json, response_json, "
            + "author";

    @org.jdbi.v3.sqlobject.statement.SqlBatch("INSERT INTO quote (" + COLUMNS + ") VALUES (:id, :createdAt, "
            + ":occupationCode, :level, :country, :rulesetVersion, :requestJson, :responseJson, :author)")
    void insertBatch(@BindMethods List<Row> rows);

    /**
     * Stores every row or none: on PostgreSQL by one {@code COPY} (the rows as CSV, one statement), elsewhere
     * by one INSERT batch.
     */
    default void insertAll(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Optional<PostgresCopy> copy = PostgresCopy.of(getHandle());
        if (copy.isEmpty()) {
            insertBatch(rows);
            return;
        }
        copy.get()
                .in(
                        "quote",
                        COLUMNS,
                        rows.stream()
                                .map(r -> new Object[] {
                                    r.id(),
                                    r.createdAt(),
                                    r.occupationCode(),
                                    r.level(),
                                    r.country(),
                                    r.rulesetVersion(),
                                    r.requestJson(),
                                    r.responseJson(),
                                    r.author()
                                })
                                .toList());
    }

    /** What the quote list filters on; a null field does not filter, {@code to} is exclusive. */
    record Filter(
            String occupationCode,
            String level,
            String country,
            String author,
            String rulesetVersion,
            Timestamp from,
            Timestamp to) {}

    /** A stored quote as listed: its columns and the stored answer (for the title, band and confidence). */
    record Listed(
            String id,
            String author,
            String occupationCode,
            String level,
            String country,
            String rulesetVersion,
            String responseJson) {}

    String FILTER = " WHERE (CAST(:occupationCode AS VARCHAR(20)) IS NULL OR occupation_code = :occupationCode)"
            + " AND (CAST(:level AS VARCHAR(20)) IS NULL OR level = :level)"
            + " AND (CAST(:country AS VARCHAR(2)) IS NULL OR country = :country)"
            + " AND (CAST(:author AS VARCHAR(100)) IS NULL OR author = :author)"
            + " AND (CAST(:rulesetVersion AS VARCHAR(80)) IS NULL OR ruleset_version = :rulesetVersion)"
            + " AND created_at >= :from AND created_at < :to";

    @SqlQuery("SELECT id, author, occupation_code, level, country, ruleset_version, response_json " + "FROM quote"
            + FILTER + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
    @RegisterConstructorMapper(Listed.class)
    List<Listed> find(@BindMethods Filter filter, @Bind("limit") int limit, @Bind("offset") int offset);

    @SqlQuery("SELECT COUNT(*) FROM quote" + FILTER)
    long count(@BindMethods Filter filter);

    /** One page of matching quotes and how many match in all. */
    record Page(long total, List<Listed> rows) {}

    /** The count and the page in one transaction, so both agree. */
    @Transaction
    default Page page(Filter filter, int limit, int offset) {
        long total = count(filter);
        return new Page(total, find(filter, limit, offset));
    }

    @SqlQuery("SELECT response_json FROM quote WHERE id = :id")
    Optional<String> findResponse(@Bind("id") String id);
}
