package org.jobpricing.server.cli.backup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.jobpricing.server.cli.backup.TableChecksums.Summary;

/** The table-by-table comparison of the live database with a restored backup. */
public final class VerifyReport {

    /** How one table compares. */
    public enum Status {
        SAME("same"),
        DIFFERENT("DIFFERENT"),
        MISSING_FROM_BACKUP("MISSING FROM BACKUP"),
        NOT_IN_LIVE("NOT IN LIVE DATABASE");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One table: its summary on each side (null when absent) and the verdict. */
    public record Row(String table, Summary live, Summary backup, Status status) {}

    private static final int SHOWN_CHECKSUM = 12;

    private final List<Row> rows;

    private VerifyReport(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    /** Compares every table found on either side, by name. */
    public static VerifyReport compare(Map<String, Summary> live, Map<String, Summary> backup) {
        List<Row> rows = new ArrayList<>();
        TreeSet<String> tables = new TreeSet<>(live.keySet());
        tables.addAll(backup.keySet());
        for (String table : tables) {
            Summary l = live.get(table);
            Summary b = backup.get(table);
            Status status = b == null
                    ? Status.MISSING_FROM_BACKUP
                    : l == null ? Status.NOT_IN_LIVE : l.equals(b) ? Status.SAME : Status.DIFFERENT;
            rows.add(new Row(table, l, b, status));
        }
        return new VerifyReport(rows);
    }

    public List<Row> rows() {
        return rows;
    }

    /** True when there is at least one table and every table is the same on both sides. */
    public boolean passed() {
        return !rows.isEmpty() && failedTables().isEmpty();
    }

    public List<String> failedTables() {
        return rows.stream()
                .filter(r -> r.status() != Status.SAME)
                .map(Row::table)
                .toList();
    }

    /** A fixed-width table: name, rows and the start of the checksum on each side, and the verdict. */
    public String render() {
        int width = Math.max(
                "TABLE".length(),
                rows.stream().mapToInt(r -> r.table().length()).max().orElse(0));
        String format = "%-" + width + "s  %11s  %11s  %-12s  %-14s  %s%n";
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT, format, "TABLE", "LIVE ROWS", "BACKUP ROWS", "LIVE SHA-256", "BACKUP SHA-256", "RESULT"));
        for (Row row : rows) {
            out.append(String.format(
                    Locale.ROOT,
                    format,
                    row.table(),
                    count(row.live()),
                    count(row.backup()),
                    checksum(row.live()),
                    checksum(row.backup()),
                    row.status().label()));
        }
        return out.toString();
    }

    private static String count(Summary summary) {
        return summary == null ? "-" : Long.toString(summary.rows());
    }

    private static String checksum(Summary summary) {
        return summary == null ? "-" : summary.checksum().substring(0, SHOWN_CHECKSUM);
    }
}
