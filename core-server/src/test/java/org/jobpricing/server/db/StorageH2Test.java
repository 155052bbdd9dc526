package org.jobpricing.server.db;

import org.jobpricing.server.support.TestDatabases;

class StorageH2Test extends StorageContract {

    @Override
    TestDatabases.Db database() {
        return TestDatabases.h2();
    }

    @Override
    boolean copies() {
        return false;
    }
}
