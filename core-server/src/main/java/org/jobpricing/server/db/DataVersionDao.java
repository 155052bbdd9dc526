package org.jobpricing.server.db;

import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The market-data version every server polls: a write bumps it, a server that sees it move drops its caches. */
public interface DataVersionDao {

    @SqlUpdate("UPDATE data_version SET version = version + 1 WHERE id = 1")
    void bump();

    @SqlQuery("SELECT COALESCE(MAX(version), 0) FROM data_version WHERE id = 1")
    long current();
}
