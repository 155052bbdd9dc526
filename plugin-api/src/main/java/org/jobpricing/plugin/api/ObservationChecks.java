package org.jobpricing.plugin.api;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The validity rules every market observation must pass, whether it comes from a CSV import or a
 * plugin. Plugin authors can run them in their own tests.
 */
public final class ObservationChecks {

    private static final Pattern SOURCE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Pattern OCCUPATION = Pattern.compile("[A-Za-z0-9._-]{1,20}");
    private static final Pattern LEVEL = Pattern.compile("[A-Z0-9_-]{1,20}");
    private static final Pattern AREA = Pattern.compile("[A-Z0-9_-]{1,32}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    /** ISO 4217 codes that are not money anyone is paid in: precious metals, testing, "no currency". */
    private static final Set<String> NOT_PAY =
            Set.of("XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XDR", "XPD", "XPT", "XSU", "XTS", "XUA", "XXX");

    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode)
            .filter(c -> !NOT_PAY.contains(c))
            .collect(Collectors.toUnmodifiableSet());
    private static final String[] PERCENTILE_COLUMNS = {"p10", "p25", "p50", "p75", "p90"};

    private ObservationChecks() {}

    /** True when {@code code} is an ISO 3166-1 alpha-2 country code (upper case). */
    public static boolean isCountry(String code) {
        return code != null && COUNTRIES.contains(code);
    }

    /** True when {@code code} is an ISO 4217 currency code (upper case). */
    public static boolean isCurrency(String code) {
        return code != null && CURRENCIES.contains(code);
    }

    /** Every problem with the observation; empty when it is valid. Lines are 0. */
    public static List<Problem> check(MarketObservation o) {
        List<Problem> problems = new ArrayList<>();
        require(
                problems,
                o.sourceId() != null && SOURCE_ID.matcher(o.sourceId()).matches(),
                "source_id",
                "must be 1-100 characters of letters, digits and . _ : -");
        require(problems, o.sourceType() != null, "source_type", "must be one of SURVEY, GOVERNMENT, POSTINGS, HRIS");
        require(
                problems,
                o.occupationCode() != null
                        && OCCUPATION.matcher(o.occupationCode()).matches(),
                "occupation_code",
                "must be 1-20 characters of letters, digits and . _ -");
        require(
                problems,
                o.level() == null || LEVEL.matcher(o.level()).matches(),
                "level",
                "must be empty or an upper-case level code such as IC3");
        require(problems, isCountry(o.country()), "country", "must be an ISO 3166-1 alpha-2 code such as US");
        require(
                problems,
                o.area() == null || AREA.matcher(o.area()).matches(),
                "area",
                "must be empty or an upper-case area code such as US-NYC");
        require(problems, isCurrency(o.currency()), "currency", "must be an ISO 4217 code such as USD");
        require(problems, o.period() != null, "period", "must be one of ANNUAL, MONTHLY, HOURLY");
        require(problems, o.effectiveDate() != null, "effective_date", "is required (YYYY-MM-DD)");
        require(problems, o.p50() != null, "p50", "is required");
        require(problems, o.sampleSize() >= 1, "sample_size", "must be at least 1");
        require(problems, o.orgCount() == null || o.orgCount() >= 1, "org_count", "must be empty or at least 1");
        checkPercentiles(o.percentiles(), problems);
        return problems;
    }

    /**
     * The same checks, and also that the effective date is not after {@code today}: data from a
     * source cannot describe pay that has not been paid yet.
     */
    public static List<Problem> check(MarketObservation o, java.time.LocalDate today) {
        List<Problem> problems = check(o);
        if (o.effectiveDate() != null && o.effectiveDate().isAfter(today)) {
            problems.add(new Problem(
                    0,
                    "effective_date",
                    "must not be in the future (" + o.effectiveDate() + " is after " + today + ")"));
        }
        return problems;
    }

    /** A source's answer after the checks: the rows to store and the reasons for the others. */
    public record Checked(List<MarketObservation> valid, List<Problem> rejected) {}

    /**
     * Checks every row of a source's answer as the host does before storing it: {@link #check(MarketObservation,
     * java.time.LocalDate)} per row, a null row rejected. Each problem's line is the row's 1-based position
     * in the answer and its message starts with {@code row N:}.
     */
    public static Checked checkRows(List<MarketObservation> rows, java.time.LocalDate today) {
        List<MarketObservation> valid = new ArrayList<>();
        List<Problem> rejected = new ArrayList<>();
        int index = 0;
        for (MarketObservation o : rows) {
            int row = ++index;
            List<Problem> problems = o == null ? List.of(new Problem(0, null, "null row")) : check(o, today);
            if (problems.isEmpty()) {
                valid.add(o);
            } else {
                problems.forEach(p -> rejected.add(new Problem(row, p.column(), "row " + row + ": " + p.message())));
            }
        }
        return new Checked(valid, rejected);
    }

    private static void checkPercentiles(Double[] values, List<Problem> problems) {
        Double previous = null;
        String previousName = null;
        for (int i = 0; i < values.length; i++) {
            Double v = values[i];
            if (v == null) {
                continue;
            }
            if (!Double.isFinite(v) || v <= 0) {
                problems.add(new Problem(0, PERCENTILE_COLUMNS[i], "must be a positive amount, got " + v));
                continue;
            }
            if (previous != null && v < previous) {
                problems.add(new Problem(
                        0,
                        PERCENTILE_COLUMNS[i],
                        "must not be below " + previousName + " (" + v + " < " + previous + ")"));
            }
            previous = v;
            previousName = PERCENTILE_COLUMNS[i];
        }
    }

    private static void require(List<Problem> problems, boolean ok, String column, String message) {
        if (!ok) {
            problems.add(new Problem(0, column, message));
        }
    }
}
