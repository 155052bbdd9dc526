package org.jobpricing.server.db;

import java.sql.Timestamp;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** Failed-login counters per login name. */
@RegisterConstructorMapper(LoginThrottleDao.ThrottleRow.class)
public interface LoginThrottleDao {

    /** Failures since {@code windowStart}, and the end of a lock. */
    record ThrottleRow(String loginKey, int failures, Timestamp windowStart, Timestamp lockedUntil) {}

    @SqlQuery("SELECT login_key, failures, window_start, locked_until FROM login_throttle WHERE login_key = :key")
    Optional<ThrottleRow> find(@Bind("key") String key);

    @SqlUpdate("INSERT INTO login_throttle (login_key, failures, window_start, locked_until) "
            + "VALUES (:key, :failures, :windowStart, :lockedUntil)")
    void insert(
            @Bind("key") String key,
            @Bind("failures") int failures,
            @Bind("windowStart") Timestamp windowStart,
            @Bind("lockedUntil") Timestamp lockedUntil);

    @SqlUpdate("UPDATE login_throttle SET failures = :failures, window_start = :windowStart, "
            + "locked_until = :lockedUntil WHERE login_key = :key")
    int update(
            @Bind("key") String key,
            @Bind("failures") int failures,
            @Bind("windowStart") Timestamp windowStart,
            @Bind("lockedUntil") Timestamp lockedUntil);

    /**
     * Reads the name's counter and writes the one {@code next} makes of it (a new row when there was none),
     * in one transaction; the row written.
     */
    @Transaction
    default ThrottleRow countFailure(String key, Function<Optional<ThrottleRow>, ThrottleRow> next) {
        Optional<ThrottleRow> row = find(key);
        ThrottleRow counted = next.apply(row);
        if (row.isEmpty()) {
            insert(key, counted.failures(), counted.windowStart(), counted.lockedUntil());
        } else {
            update(key, counted.failures(), counted.windowStart(), counted.lockedUntil());
        }
        return counted;
    }

    @SqlUpdate("DELETE FROM login_throttle WHERE login_key = :key")
    void clear(@Bind("key") String key);
}
