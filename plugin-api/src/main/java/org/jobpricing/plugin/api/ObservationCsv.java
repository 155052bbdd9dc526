package org.jobpricing.plugin.api;

import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The CSV form of market observations (pricing method §1): parses every row, applies
 * {@link ObservationChecks}, and reports every problem with its line and column.
 */
public final class ObservationCsv {

    /** The header, in order. */
    public static final List<String> HEADER = List.of(
            "source_id",
            "source_type",
            "occupation_code",
            "level",
            "country",
            "area",
            "currency",
            "period",
            "effective_date",
            "p10",
            "p25",
            "p50",
            "p75",
            "p90",
            "sample_size",
            "org_count");

    /** A valid observation and the line it came from. */
    public record Line(long line, MarketObservation observation) {}

    /** The valid rows and the problems; a caller importing atomically uses rows only when problems is empty. */
    public record Result(List<Line> rows, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private ObservationCsv() {}

    /** Parses and checks every row of {@code reader}. */
    public static Result parse(Reader reader) {
        CsvRows.Result csv = CsvRows.read(reader, HEADER);
        List<Problem> problems = new ArrayList<>(csv.problems());
        List<Line> rows = new ArrayList<>();
        for (CsvRows.Row row : csv.rows()) {
            List<Problem> rowProblems = new ArrayList<>();
            MarketObservation o = toObservation(row, rowProblems);
            if (rowProblems.isEmpty()) {
                ObservationChecks.check(o).forEach(p -> rowProblems.add(p.atLine(row.line())));
            }
            if (rowProblems.isEmpty()) {
                rows.add(new Line(row.line(), o));
            }
            problems.addAll(rowProblems);
        }
        problems.sort(java.util.Comparator.comparingLong(Problem::line));
        return new Result(rows, problems);
    }

    private static MarketObservation toObservation(CsvRows.Row row, List<Problem> problems) {
        Cells c = new Cells(row, problems);
        return new MarketObservation(
                c.text(0),
                c.enumValue(1, SourceType.class),
                c.text(2),
                c.upper(3),
                c.upper(4),
                c.upper(5),
                c.upper(6),
                c.enumValue(7, PayPeriod.class),
                c.date(8),
                c.amount(9),
                c.amount(10),
                c.amount(11),
                c.amount(12),
                c.amount(13),
                c.integer(14) == null ? 0 : c.integer(14),
                c.integer(15));
    }

    /** Typed access to one row's cells, collecting a problem per unparseable cell. */
    private record Cells(CsvRows.Row row, List<Problem> problems) {

        String text(int i) {
            return row.get(i);
        }

        String upper(int i) {
            String v = row.get(i);
            return v == null ? null : v.toUpperCase(Locale.ROOT);
        }

        <E extends Enum<E>> E enumValue(int i, Class<E> type) {
            String v = row.get(i);
            if (v == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return fail(i, "unknown value '" + v + "'");
            }
        }

        LocalDate date(int i) {
            String v = row.get(i);
            if (v == null) {
                return null;
            }
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                return fail(i, "'" + v + "' is not a date (YYYY-MM-DD)");
            }
        }

        Double amount(int i) {
            String v = row.get(i);
            if (v == null) {
                return null;
            }
            try {
                return Double.valueOf(v);
            } catch (NumberFormatException e) {
                return fail(i, "'" + v + "' is not a number");
            }
        }

        Integer integer(int i) {
            String v = row.get(i);
            if (v == null) {
                return null;
            }
            try {
                return Integer.valueOf(v);
            } catch (NumberFormatException e) {
                return fail(i, "'" + v + "' is not a whole number");
            }
        }

        private <T> T fail(int i, String message) {
            problems.add(new Problem(row.line(), HEADER.get(i), message));
            return null;
        }
    }
}
