package org.jobpricing.server.employees;

import java.sql.SQLException;
import java.util.function.Supplier;
import org.jdbi.v3.core.JdbiException;

/**
 * Runs a database call that binds pay figures. Jdbi's and the drivers' exception messages carry the
 * bound values (and PostgreSQL's "Failing row contains …"), which the 500 handler would log: a failure
 * here is rethrown as an exception that keeps only the SQL state, with no message text or cause from
 * the database.
 */
final class PayStorage {

    private PayStorage() {}

    static <T> T guard(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (JdbiException e) {
            throw new IllegalStateException(what + " failed in the database (SQL state " + sqlState(e)
                    + "); its message is not shown because it may hold pay figures");
        }
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return "unknown";
    }
}
