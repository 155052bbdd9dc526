package org.jobpricing.server.cli.backup;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Row count and checksum of every table in a connection's current schema, keyed by lower-case name.
 *
 * <p>The checksum is order-independent: each row is rendered canonically and hashed with SHA-256, and the
 * row digests are added up modulo 2<sup>256</sup> (so duplicates count), then hashed with the column names.
 * Neither the row order nor the database's collation can make two equal tables look different.
 */
public final class TableChecksums {

    /** What one table holds. */
    public record Summary(long rows, String checksum) {}

    /** Liquibase's lock flag changes with every migration run; it is not data. */
    static final Set<String> EXCLUDED = Set.of("databasechangeloglock");

    private static final Set<String> TABLE_TYPES = Set.of("TABLE", "BASE TABLE");
    private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(256);
    private static final int FETCH_SIZE = 1000;

    private TableChecksums() {}

    /** Every table of the current schema but {@link #EXCLUDED}, read in one repeatable-read transaction. */
    public static SortedMap<String, Summary> of(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setAutoCommit(false);
        try {
            SortedMap<String, Summary> result = new TreeMap<>();
            String schema = connection.getSchema();
            for (String table : tables(connection, schema)) {
                String key = table.toLowerCase(Locale.ROOT);
                if (!EXCLUDED.contains(key)) {
                    result.put(key, summarize(connection, schema, table));
                }
            }
            return result;
        } finally {
            connection.rollback();
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
        }
    }

    private static List<String> tables(Connection connection, String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = connection.getMetaData().getTables(connection.getCatalog(), schema, "%", null)) {
            while (rs.next()) {
                if (TABLE_TYPES.contains(rs.getString("TABLE_TYPE"))) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
        }
        return tables;
    }

    private static Summary summarize(Connection connection, String schema, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String quote = meta.getIdentifierQuoteString().strip();
        String sql = "SELECT * FROM " + quoted(schema, quote) + "." + quoted(table, quote);
        MessageDigest digest = sha256();
        BigInteger sum = BigInteger.ZERO;
        long rows = 0;
        List<String> columns = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = statement.executeQuery(sql)) {
                ResultSetMetaData columnsMeta = rs.getMetaData();
                for (int i = 1; i <= columnsMeta.getColumnCount(); i++) {
                    columns.add(columnsMeta.getColumnName(i).toLowerCase(Locale.ROOT));
                }
                while (rs.next()) {
                    digest.reset();
                    for (int i = 1; i <= columns.size(); i++) {
                        update(digest, render(rs, i, columnsMeta.getColumnType(i)));
                    }
                    sum = sum.add(new BigInteger(1, digest.digest()));
                    rows++;
                }
            }
        }
        digest.reset();
        update(digest, String.join(",", columns));
        update(digest, Long.toString(rows));
        update(digest, sum.mod(MODULUS).toString(16));
        return new Summary(rows, HexFormat.of().formatHex(digest.digest()));
    }

    /** One value as text that is the same for equal values on the same engine; null stays null. */
    static String render(ResultSet rs, int column, int type) throws SQLException {
        switch (type) {
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
                byte[] bytes = rs.getBytes(column);
                return bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
            }
            case Types.NUMERIC, Types.DECIMAL -> {
                BigDecimal number = rs.getBigDecimal(column);
                return number == null
                        ? null
                        : number.signum() == 0
                                ? "0"
                                : number.stripTrailingZeros().toPlainString();
            }
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> {
                double number = rs.getDouble(column);
                return rs.wasNull() ? null : Double.toString(number);
            }
            default -> {
                return rs.getString(column);
            }
        }
    }

    /** Length-prefixed, so ("ab", "c") and ("a", "bc") differ, and null differs from the text "null". */
    private static void update(MessageDigest digest, String value) {
        if (value == null) {
            digest.update((byte) 0);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update((byte) 1);
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        digest.update(bytes);
    }

    private static String quoted(String identifier, String quote) {
        return quote.isEmpty() ? identifier : quote + identifier.replace(quote, quote + quote) + quote;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
