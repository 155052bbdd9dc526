package org.jobpricing.server.db;

import org.jobpricing.server.support.TestDatabases;

class StoragePostgresTest extends StorageContract {

    @Override
    TestDatabases.Db database() {
        return TestDatabases.postgres();
    }

    @Override
    boolean copies() {
        return true;
    }
}
