package org.jobpricing.server.db;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** Stored posting ranges: one row per jurisdiction of a posting, with its criteria as JSON. */
@RegisterConstructorMapper(PostingRangeDao.Row.class)
public interface PostingRangeDao {

    /** One posting range. */
    record Row(
            String id,
            String postingId,
            int seqNo,
            Timestamp createdAt,
            String createdBy,
            String quoteId,
            String structureId,
            Integer grade,
            String jurisdiction,
            String location,
            String currency,
            String period,
            BigDecimal minPay,
            BigDecimal maxPay,
            String sentence,
            String rulesetVersion,
            String criteriaJson) {}

    String COLUMNS =
            "id, posting_id, seq_no, created_at, created_by, quote_id, structure_id, grade, jurisdiction, location, "
                    + "currency, period, min_pay, max_pay, sentence, ruleset_version, criteria_json";

    @SqlBatch("INSERT INTO posting_range (" + COLUMNS
            + ") VALUES (:id, :postingId, :seqNo, :createdAt, :createdBy, :quoteId, "
            + ":structureId, :grade, :jurisdiction, :location, :currency, :period, :minPay, :maxPay, :sentence, "
            + ":rulesetVersion, :criteriaJson)")
    @Transaction
    void insertAll(@BindMethods List<Row> rows);

    @SqlQuery("SELECT " + COLUMNS + " FROM posting_range WHERE posting_id = :postingId ORDER BY seq_no")
    List<Row> posting(@Bind("postingId") String postingId);

    @SqlQuery("SELECT " + COLUMNS + " FROM posting_range WHERE (CAST(:quoteId AS VARCHAR(64)) IS NULL OR quote_id = "
            + ":quoteId) ORDER BY created_at DESC, posting_id, seq_no LIMIT :limit OFFSET :offset")
    List<Row> latest(@Bind("quoteId") String quoteId, @Bind("limit") int limit, @Bind("offset") int offset);
}
