package org.jobpricing.server.core;

import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jobpricing.plugin.api.CsvRows;
import org.jobpricing.plugin.api.ObservationChecks;
import org.jobpricing.plugin.api.Problem;
import org.jobpricing.server.api.ImportResult;
import org.jobpricing.server.audit.AuditLog;
import org.jobpricing.server.db.FxRateDao;
import org.jobpricing.server.failures.InvalidInputException;

/** Imports FX rates ({@code date,from,to,rate}); all-or-nothing, a rate for the same pair and date is replaced. */
public final class FxRateService {

    static final List<String> HEADER = List.of("date", "from", "to", "rate");
    /**
     * The widest rate accepted, either way: units of {@code to} per unit of {@code from} in
     * [1/MAX_RATE, MAX_RATE]. The widest real pair today (Kuwaiti dinar to Iranian rial at the market
     * rate) is about 3.5e6, so 1e9 leaves room for hyperinflation while refusing typos and test values
     * (1e300, 1e-300) whose products, or reciprocals, overflow a salary into infinity.
     */
    static final double MAX_RATE = 1e9;

    private final FxRateDao rates;
    private final MarketDataCache cache;
    private final Clock clock;
    private final AuditLog audit;

    public FxRateService(FxRateDao rates, MarketDataCache cache, Clock clock, AuditLog audit) {
        this.rates = rates;
        this.cache = cache;
        this.clock = clock;
        this.audit = audit;
    }

    /** Imports {@code csv} for {@code by}, audited: the rows stored, or why the file was refused. */
    public ImportResult importCsv(String csv, String by, AuditLog.Origin origin) {
        return audit.audited(
                by, "market-data.fx-import", "fx-rates", origin, () -> importCsv(csv), r -> r.imported() + " rows");
    }

    ImportResult importCsv(String csv) {
        Parsed parsed = parse(csv, Timestamp.from(clock.instant()));
        if (!parsed.problems().isEmpty()) {
            throw new InvalidInputException(
                    "INVALID_CSV",
                    parsed.problems().size() + " problem(s) in the CSV; nothing was imported",
                    parsed.problems());
        }
        if (parsed.rows().isEmpty()) {
            throw new InvalidInputException(
                    "INVALID_CSV",
                    "the CSV has a header but no rows; nothing was imported",
                    List.of(new Problem(1, null, "the header is followed by no rows")));
        }
        rates.upsert(parsed.rows());
        cache.changed();
        return new ImportResult(parsed.rows().size());
    }

    /** Rows of an FX CSV and every problem, by line; a duplicate date/from/to is a problem. */
    public record Parsed(List<FxRateDao.Row> rows, List<Problem> problems) {}

    public static Parsed parse(String csv, Timestamp loadedAt) {
        CsvRows.Result parsed = CsvRows.read(new StringReader(csv), HEADER);
        List<Problem> problems = new ArrayList<>(parsed.problems());
        List<FxRateDao.Row> rows = new ArrayList<>();
        java.util.Map<String, Long> firstLine = new java.util.HashMap<>();
        for (CsvRows.Row row : parsed.rows()) {
            int before = problems.size();
            LocalDate date = date(row, problems);
            String from = currency(row, 1, "from", problems);
            String to = currency(row, 2, "to", problems);
            Double rate = rate(row, problems);
            if (from != null && from.equals(to)) {
                problems.add(new Problem(row.line(), "to", "must differ from 'from'"));
            }
            if (problems.size() == before) {
                Long previous = firstLine.putIfAbsent(date + from + to, row.line());
                if (previous != null) {
                    problems.add(new Problem(row.line(), null, "same date, from and to as line " + previous));
                }
                rows.add(new FxRateDao.Row(date, from, to, rate, loadedAt));
            }
        }
        return new Parsed(rows, problems);
    }

    private static LocalDate date(CsvRows.Row row, List<Problem> problems) {
        try {
            return LocalDate.parse(row.get(0) == null ? "" : row.get(0));
        } catch (DateTimeParseException e) {
            problems.add(new Problem(row.line(), "date", "'" + row.cells()[0] + "' is not a date (YYYY-MM-DD)"));
            return null;
        }
    }

    private static String currency(CsvRows.Row row, int index, String column, List<Problem> problems) {
        String code = row.get(index) == null ? null : row.get(index).toUpperCase(Locale.ROOT);
        if (!ObservationChecks.isCurrency(code)) {
            problems.add(
                    new Problem(row.line(), column, "'" + row.cells()[index] + "' is not an ISO 4217 currency code"));
            return null;
        }
        return code;
    }

    private static Double rate(CsvRows.Row row, List<Problem> problems) {
        double rate;
        try {
            rate = Double.parseDouble(row.get(3) == null ? "" : row.get(3));
        } catch (NumberFormatException e) {
            rate = Double.NaN;
        }
        if (!Double.isFinite(rate) || rate <= 0) {
            problems.add(new Problem(row.line(), "rate", "'" + row.cells()[3] + "' is not a positive number"));
            return null;
        }
        if (rate > MAX_RATE || rate < 1 / MAX_RATE) {
            problems.add(new Problem(
                    row.line(),
                    "rate",
                    "'" + row.cells()[3] + "' is outside the plausible range " + 1 / MAX_RATE + " to " + MAX_RATE));
            return null;
        }
        return rate;
    }
}
