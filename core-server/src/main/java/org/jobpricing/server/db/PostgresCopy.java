package org.jobpricing.server.db;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Bulk rows into a PostgreSQL table with {@code COPY ... FROM STDIN} in CSV: one statement for any number
 * of rows, so the rows are stored all or none, and much cheaper than an INSERT per row.
 */
final class PostgresCopy {

    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private final CopyManager copy;

    private PostgresCopy(CopyManager copy) {
        this.copy = copy;
    }

    /** The copier of the handle's connection; empty when the database is not PostgreSQL. */
    static Optional<PostgresCopy> of(Handle handle) {
        Connection connection = handle.getConnection();
        try {
            if (!connection.isWrapperFor(PGConnection.class)) {
                return Optional.empty();
            }
            return Optional.of(
                    new PostgresCopy(connection.unwrap(PGConnection.class).getCopyAPI()));
        } catch (SQLException e) {
            throw new CopyFailed("cannot reach PostgreSQL's COPY", e);
        }
    }

    /** Copies {@code rows} (values in the order of {@code columns}; null is SQL NULL) into {@code table}. */
    long in(String table, String columns, List<Object[]> rows) {
        StringBuilder csv = new StringBuilder(rows.size() * 1024);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    csv.append(',');
                }
                append(csv, row[i]);
            }
            csv.append('\n');
        }
        try {
            return copy.copyIn(
                    "COPY " + table + " (" + columns + ") FROM STDIN (FORMAT csv)", new StringReader(csv.toString()));
        } catch (SQLException | IOException e) {
            throw new CopyFailed("COPY into " + table + " failed: " + e.getMessage(), e);
        }
    }

    /** A CSV field: NULL unquoted and empty, every value quoted (an empty string stays an empty string). */
    private static void append(StringBuilder csv, Object value) {
        if (value == null) {
            return;
        }
        String text = value instanceof Timestamp t ? MICROS.format(t.toLocalDateTime()) : value.toString();
        csv.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                csv.append('"');
            }
            csv.append(c);
        }
        csv.append('"');
    }

    /** A COPY that did not happen: nothing of it is stored. */
    static final class CopyFailed extends JdbiException {
        CopyFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
