package org.jobpricing.server.cli.backup;

import java.sql.Connection;
import java.sql.SQLException;

/** A throwaway database holding a restored backup; closing it deletes it. */
public interface ScratchDatabase extends AutoCloseable {

    /** A new connection to the scratch database (the caller closes it). */
    Connection connect() throws SQLException;

    /** Where the scratch database is, for messages. */
    String describe();

    @Override
    void close();
}
