package org.jobpricing.plugins.hrispayroll;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jobpricing.plugin.api.MarketObservation;
import org.jobpricing.plugin.api.PayPeriod;
import org.jobpricing.plugin.api.Percentiles;
import org.jobpricing.plugin.api.Problem;
import org.jobpricing.plugin.api.SourceType;

/**
 * Turns payroll rows into one observation per (occupation, level, country, area, currency, period):
 * percentiles of base pay by {@link Percentiles}, sample size = employees, org count = 1. A group of
 * fewer than {@code minGroupSize} employees is never emitted; suppressed groups are only counted. The
 * first valid row of an employee id is kept. Warnings name files, lines, fields and job codes, never an
 * employee id or a pay figure.
 */
final class PayrollAggregator {

    private record Key(
            String occupation, String level, String country, String area, String currency, PayPeriod period) {}

    private static final Comparator<Key> ORDER = Comparator.comparing(Key::occupation)
            .thenComparing(Key::level)
            .thenComparing(Key::country)
            .thenComparing(k -> k.area() == null ? "" : k.area())
            .thenComparing(Key::currency)
            .thenComparing(Key::period);

    /** The observations and warnings of one run. */
    record Result(List<MarketObservation> observations, List<Problem> warnings) {}

    private final JobCodeMap jobCodes;
    private final int minGroupSize;
    private final String sourceId;
    private final LocalDate effectiveDate;

    /** Groups smaller than this report their median only. */
    static final int MEDIAN_ONLY_BELOW = 6;

    PayrollAggregator(JobCodeMap jobCodes, int minGroupSize, String sourceId, LocalDate effectiveDate) {
        this.jobCodes = jobCodes;
        this.minGroupSize = minGroupSize;
        this.sourceId = sourceId;
        this.effectiveDate = effectiveDate;
    }

    Result aggregate(List<PayrollRow> rows) {
        List<Problem> warnings = new ArrayList<>();
        Map<String, PayrollRow> firstRowOf = new HashMap<>();
        Map<String, Integer> unmapped = new LinkedHashMap<>();
        Map<Key, List<Double>> groups = new TreeMap<>(ORDER);
        for (PayrollRow row : rows) {
            Employee.Outcome outcome = Employee.check(row);
            if (outcome.employee() == null) {
                warnings.add(outcome.problem());
                continue;
            }
            Employee e = outcome.employee();
            PayrollRow first = firstRowOf.putIfAbsent(e.employeeId(), row);
            if (first != null) {
                warnings.add(new Problem(
                        row.line(),
                        row.name(Field.EMPLOYEE_ID),
                        row.file() + ": "
                                + row.name(Field.EMPLOYEE_ID) + " repeats the one on " + first.where()
                                + "; the first row is kept, this one skipped"));
                continue;
            }
            Optional<String> occupation = jobCodes.occupation(e.jobCode());
            if (occupation.isEmpty()) {
                unmapped.merge(e.jobCode(), 1, Integer::sum);
                continue;
            }
            Key key = new Key(occupation.get(), e.level(), e.country(), e.area(), e.currency(), e.period());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(e.basePay());
        }
        if (!unmapped.isEmpty()) {
            warnings.add(new Problem(
                    0,
                    "job_code",
                    "job codes neither in jobCodeMap nor SOC codes, rows skipped: "
                            + unmapped.entrySet().stream()
                                    .map(c -> c.getKey() + " (" + c.getValue() + ")")
                                    .collect(Collectors.joining(", "))));
        }
        List<MarketObservation> observations = new ArrayList<>();
        int suppressed = 0;
        int suppressedPeople = 0;
        for (Map.Entry<Key, List<Double>> group : groups.entrySet()) {
            if (group.getValue().size() < minGroupSize) {
                suppressed++;
                suppressedPeople += group.getValue().size();
            } else {
                observations.add(observation(group.getKey(), group.getValue()));
            }
        }
        if (suppressed > 0) {
            warnings.add(new Problem(
                    0,
                    "minGroupSize",
                    suppressed + " group(s) with fewer than " + minGroupSize + " employees suppressed ("
                            + suppressedPeople + " employee(s))"));
        }
        return new Result(observations, warnings);
    }

    /**
     * A group's observation. Below {@link #MEDIAN_ONLY_BELOW} people only the median is reported: the five
     * interpolated percentiles of 3 to 5 values are enough to work out every one of them.
     */
    private MarketObservation observation(Key key, List<Double> pays) {
        Percentiles p =
                Percentiles.of(pays.stream().mapToDouble(Double::doubleValue).toArray());
        boolean full = pays.size() >= MEDIAN_ONLY_BELOW;
        return new MarketObservation(
                sourceId,
                SourceType.HRIS,
                key.occupation(),
                key.level(),
                key.country(),
                key.area(),
                key.currency(),
                key.period(),
                effectiveDate,
                full ? p.p10() : null,
                full ? p.p25() : null,
                p.p50(),
                full ? p.p75() : null,
                full ? p.p90() : null,
                pays.size(),
                1);
    }
}
