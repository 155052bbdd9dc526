package org.jobpricing.server.db;

import java.sql.Timestamp;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The audit trail: append and filter, never update. */
@RegisterConstructorMapper(AuditDao.EventRow.class)
public interface AuditDao {

    /** One audit event. */
    record EventRow(
            Long id,
            Timestamp at,
            String actor,
            String action,
            String resource,
            String outcome,
            String ip,
            String userAgent,
            String details) {}

    @SqlUpdate("INSERT INTO audit_event (at, actor, action, resource, outcome, ip, user_agent, details) "
            + "VALUES (:at, :actor, :action, :resource, :outcome, :ip, :userAgent, :details)")
    void insert(@BindMethods EventRow row);

    @SqlQuery("SELECT id, at, actor, action, resource, outcome, ip, user_agent, details FROM audit_event "
            + "WHERE (CAST(:actor AS VARCHAR(254)) IS NULL OR actor = :actor) "
            + "AND (CAST(:action AS VARCHAR(60)) IS NULL OR action = :action) "
            + "AND at >= :from AND at < :to ORDER BY id DESC LIMIT :limit OFFSET :offset")
    List<EventRow> find(
            @Bind("actor") String actor,
            @Bind("action") String action,
            @Bind("from") Timestamp from,
            @Bind("to") Timestamp to,
            @Bind("limit") int limit,
            @Bind("offset") int offset);
}
