package org.jobpricing.server.employees;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jobpricing.server.support.TestDatabases;

/**
 * Looks through every text column of every table of a test database for a value: what an erasure must
 * leave nowhere. Tables and columns are read from the database's own catalogue, so a table added later
 * is searched too.
 */
final class DatabaseScan {

    private DatabaseScan() {}

    /** "table.column" of every cell that contains {@code needle}. */
    static List<String> find(TestDatabases.Db db, String needle) {
        List<String> hits = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            for (String[] column : textColumns(c)) {
                String sql = "SELECT COUNT(*) FROM " + column[0] + " WHERE CAST(" + column[1]
                        + " AS VARCHAR(100000)) LIKE ?";
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setString(1, "%" + needle + "%");
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        if (r.getLong(1) > 0) {
                            hits.add(column[0] + "." + column[1]);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return hits;
    }

    /** Rows of {@code table} matching {@code where}. */
    static long count(TestDatabases.Db db, String table, String where) {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE " + where);
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text columns of the application's tables (schema PUBLIC on H2, public on PostgreSQL). */
    private static List<String[]> textColumns(Connection c) throws SQLException {
        List<String[]> columns = new ArrayList<>();
        DatabaseMetaData meta = c.getMetaData();
        String schema = meta.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2") ? "PUBLIC" : "public";
        try (ResultSet r = meta.getColumns(null, schema, "%", "%")) {
            while (r.next()) {
                int type = r.getInt("DATA_TYPE");
                if (type == Types.VARCHAR
                        || type == Types.CHAR
                        || type == Types.CLOB
                        || type == Types.LONGVARCHAR
                        || type == Types.NVARCHAR) {
                    columns.add(new String[] {r.getString("TABLE_NAME"), r.getString("COLUMN_NAME")});
                }
            }
        }
        if (columns.size() < 10) {
            throw new IllegalStateException(
                    "found only " + columns.size() + " text columns: is this the right schema?");
        }
        return columns;
    }
}
