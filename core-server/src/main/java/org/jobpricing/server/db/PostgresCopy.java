package org.jobpricing.server.db;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Bulk rows into a PostgreSQL table with {@code COPY ... FROM STDIN} in its text format (fields by tabs,
 * only backslash, newline, return and tab escaped: JSON's many quotes pass as they are): one statement for any number
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
        CopyIn in = null;
        try {
            in = copy.copyIn("COPY " + table + " (" + columns + ") FROM STDIN");
            // row by row: the chunk's CSV is never held whole (its JSON columns are kilobytes a row)
            StringBuilder line = new StringBuilder(16 * 1024);
            for (Object[] row : rows) {
                line.setLength(0);
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) {
                        line.append('\t');
                    }
                    append(line, row[i]);
                }
                byte[] bytes = line.append('\n').toString().getBytes(StandardCharsets.UTF_8);
                in.writeToCopy(bytes, 0, bytes.length);
            }
            long stored = in.endCopy();
            in = null;
            return stored;
        } catch (SQLException e) {
            throw new CopyFailed("COPY into " + table + " failed: " + e.getMessage(), e);
        } finally {
            if (in != null && in.isActive()) {
                try {
                    in.cancelCopy();
                } catch (SQLException cancel) {
                    // the connection goes back to the pool in error; the statement stored nothing either way
                }
            }
        }
    }

    /** A field of COPY's text format: NULL is {@code \\N}; backslash, newline, return and tab escaped. */
    private static void append(StringBuilder line, Object value) {
        if (value == null) {
            line.append("\\N");
            return;
        }
        String text = value instanceof Timestamp t ? MICROS.format(t.toLocalDateTime()) : value.toString();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> line.append(c);
            }
        }
    }

    /** A COPY that did not happen: nothing of it is stored. */
    static final class CopyFailed extends JdbiException {
        CopyFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
