package org.jobpricing.server.db;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** FX rates: 1 {@code from} = rate × {@code to} on a date. */
public interface FxRateDao {

    /** One rate row. */
    record Row(LocalDate date, String from, String to, double rate, java.sql.Timestamp loadedAt) {}

    @SqlBatch("DELETE FROM fx_rate WHERE from_currency = :from AND to_currency = :to AND rate_date = :date")
    void deleteByKey(@BindMethods List<Row> rows);

    @SqlBatch("INSERT INTO fx_rate (from_currency, to_currency, rate_date, rate, loaded_at) "
            + "VALUES (:from, :to, :date, :rate, :loadedAt)")
    void insert(@BindMethods List<Row> rows);

    /** Inserts the rows, replacing rates with the same pair and date, in one transaction. */
    @Transaction
    default void upsert(List<Row> rows) {
        deleteByKey(rows);
        insert(rows);
    }

    /** The rate with the latest date on or before {@code asOf} for the pair. */
    @SqlQuery("SELECT rate FROM fx_rate WHERE from_currency = :from AND to_currency = :to AND rate_date <= :asOf "
            + "ORDER BY rate_date DESC LIMIT 1")
    Optional<Double> latest(@Bind("from") String from, @Bind("to") String to, @Bind("asOf") LocalDate asOf);
}
