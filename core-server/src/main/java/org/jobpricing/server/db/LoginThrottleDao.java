package org.jobpricing.server.db;

import java.sql.Timestamp;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

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

    @SqlUpdate("DELETE FROM login_throttle WHERE login_key = :key")
    void clear(@Bind("key") String key);
}
