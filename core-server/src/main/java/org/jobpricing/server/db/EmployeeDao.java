package org.jobpricing.server.db;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** Roster snapshots, their employee rows and the justifications of flagged pay-gap categories. */
@RegisterConstructorMapper(EmployeeDao.SnapshotRow.class)
@RegisterConstructorMapper(EmployeeDao.RecordRow.class)
@RegisterConstructorMapper(EmployeeDao.JustificationRow.class)
public interface EmployeeDao {

    /** One imported roster. */
    record SnapshotRow(
            Long id,
            LocalDate asOf,
            String label,
            Timestamp createdAt,
            String createdBy,
            int employees,
            boolean idsHashed) {}

    /** One employee of a snapshot; {@code employeeKey} is the keyed hash of the id (or the id itself). */
    record RecordRow(
            Long id,
            long snapshotId,
            String employeeKey,
            String occupationCode,
            String jobCode,
            String jobFamily,
            String level,
            String grade,
            String country,
            String area,
            String currency,
            String period,
            BigDecimal basePay,
            BigDecimal variablePay,
            LocalDate hireDate,
            String gender,
            BigDecimal fte) {

        /** This row as a row of snapshot {@code id}. */
        public RecordRow inSnapshot(long id) {
            return new RecordRow(
                    this.id,
                    id,
                    employeeKey,
                    occupationCode,
                    jobCode,
                    jobFamily,
                    level,
                    grade,
                    country,
                    area,
                    currency,
                    period,
                    basePay,
                    variablePay,
                    hireDate,
                    gender,
                    fte);
        }
    }

    /** What erasing one employee removed: their rows, and the snapshots that held them. */
    record Erased(int rows, List<Long> snapshots) {}

    /** Why a flagged category's gap is justified, and who said so. */
    record JustificationRow(
            long snapshotId, String category, String justification, String author, Timestamp changedAt) {}

    @SqlUpdate("INSERT INTO employee_snapshot (as_of, label, created_at, created_by, employees, ids_hashed) "
            + "VALUES (:asOf, :label, :createdAt, :createdBy, :employees, :idsHashed)")
    @GetGeneratedKeys("id")
    long insertSnapshot(@BindMethods SnapshotRow row);

    /**
     * Stores a snapshot and its rows (given with any snapshot id) in one transaction, so an import is all or
     * nothing; the snapshot's id.
     */
    @Transaction
    default long importSnapshot(SnapshotRow snapshot, List<RecordRow> records) {
        long id = insertSnapshot(snapshot);
        List<RecordRow> rows = records.stream().map(r -> r.inSnapshot(id)).toList();
        // a statement batch of bounded size, however large the roster
        for (int from = 0; from < rows.size(); from += 1000) {
            insertRecords(rows.subList(from, Math.min(rows.size(), from + 1000)));
        }
        return id;
    }

    @SqlBatch("INSERT INTO employee_record (snapshot_id, employee_key, occupation_code, job_code, job_family, level, "
            + "grade, country, area, currency, period, base_pay, variable_pay, hire_date, gender, fte) VALUES "
            + "(:snapshotId, :employeeKey, :occupationCode, :jobCode, :jobFamily, :level, :grade, :country, :area, "
            + ":currency, :period, :basePay, :variablePay, :hireDate, :gender, :fte)")
    void insertRecords(@BindMethods List<RecordRow> rows);

    @SqlQuery("SELECT id, as_of, label, created_at, created_by, employees, ids_hashed FROM employee_snapshot "
            + "ORDER BY as_of DESC, id DESC LIMIT :limit OFFSET :offset")
    List<SnapshotRow> snapshots(@Bind("limit") int limit, @Bind("offset") int offset);

    @SqlQuery("SELECT COUNT(*) FROM employee_snapshot")
    long countSnapshots();

    @SqlQuery("SELECT id, as_of, label, created_at, created_by, employees, ids_hashed FROM employee_snapshot "
            + "WHERE id = :id")
    Optional<SnapshotRow> snapshot(@Bind("id") long id);

    @SqlQuery("SELECT id, as_of, label, created_at, created_by, employees, ids_hashed FROM employee_snapshot "
            + "ORDER BY as_of DESC, id DESC LIMIT 1")
    Optional<SnapshotRow> latestSnapshot();

    String RECORD_COLUMNS = "id, snapshot_id, employee_key, occupation_code, job_code, job_family, level, grade, "
            + "country, area, currency, period, base_pay, variable_pay, hire_date, gender, fte";

    @SqlQuery("SELECT " + RECORD_COLUMNS + " FROM employee_record WHERE snapshot_id = :snapshotId ORDER BY id")
    List<RecordRow> records(@Bind("snapshotId") long snapshotId);

    @SqlQuery("SELECT " + RECORD_COLUMNS + " FROM employee_record WHERE snapshot_id = :snapshotId ORDER BY id "
            + "LIMIT :limit OFFSET :offset")
    List<RecordRow> records(@Bind("snapshotId") long snapshotId, @Bind("limit") int limit, @Bind("offset") int offset);

    /**
     * Erases a snapshot with its justifications and rows in one transaction; the rows erased, or empty
     * (nothing written) when there is no such snapshot.
     */
    @Transaction
    default Optional<Integer> eraseSnapshot(long id) {
        if (snapshot(id).isEmpty()) {
            return Optional.empty();
        }
        deleteJustificationsOf(id);
        int rows = deleteRecordsOf(id);
        deleteSnapshot(id);
        return Optional.of(rows);
    }

    @SqlUpdate("DELETE FROM employee_snapshot WHERE id = :id")
    int deleteSnapshot(@Bind("id") long id);

    /** Rows of one snapshot go with it (the foreign keys cascade too; this keeps both databases alike). */
    @SqlUpdate("DELETE FROM employee_record WHERE snapshot_id = :id")
    int deleteRecordsOf(@Bind("id") long id);

    @SqlUpdate("DELETE FROM pay_gap_justification WHERE snapshot_id = :id")
    int deleteJustificationsOf(@Bind("id") long id);

    /**
     * Erases one employee's rows from every snapshot and recounts those snapshots, in one transaction;
     * nothing is written when no snapshot holds the key.
     */
    @Transaction
    default Erased eraseEmployee(String key) {
        List<Long> snapshots = snapshotsHolding(key);
        if (snapshots.isEmpty()) {
            return new Erased(0, List.of());
        }
        int rows = deleteEmployee(key);
        snapshots.forEach(this::recount);
        return new Erased(rows, List.copyOf(snapshots));
    }

    @SqlQuery("SELECT DISTINCT snapshot_id FROM employee_record WHERE employee_key = :key")
    List<Long> snapshotsHolding(@Bind("key") String key);

    @SqlUpdate("DELETE FROM employee_record WHERE employee_key = :key")
    int deleteEmployee(@Bind("key") String key);

    @SqlUpdate("UPDATE employee_snapshot SET employees = (SELECT COUNT(*) FROM employee_record r "
            + "WHERE r.snapshot_id = employee_snapshot.id) WHERE id = :id")
    void recount(@Bind("id") long id);

    @SqlQuery("SELECT snapshot_id, category, justification, author, changed_at FROM pay_gap_justification "
            + "WHERE snapshot_id = :snapshotId ORDER BY category")
    List<JustificationRow> justifications(@Bind("snapshotId") long snapshotId);

    @SqlUpdate("DELETE FROM pay_gap_justification WHERE snapshot_id = :snapshotId AND category = :category")
    int deleteJustification(@Bind("snapshotId") long snapshotId, @Bind("category") String category);

    @SqlUpdate("INSERT INTO pay_gap_justification (snapshot_id, category, justification, author, changed_at) "
            + "VALUES (:snapshotId, :category, :justification, :author, :changedAt)")
    void insertJustification(@BindMethods JustificationRow row);

    /** Replaces a category's justification with {@code justification} (null: withdraws it), in one transaction. */
    @Transaction
    default void justify(long snapshotId, String category, JustificationRow justification) {
        deleteJustification(snapshotId, category);
        if (justification != null) {
            insertJustification(justification);
        }
    }
}
