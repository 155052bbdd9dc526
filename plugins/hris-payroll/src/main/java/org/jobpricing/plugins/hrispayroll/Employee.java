package org.jobpricing.plugins.hrispayroll;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jobpricing.plugin.api.ObservationChecks;
import org.jobpricing.plugin.api.PayPeriod;
import org.jobpricing.plugin.api.Problem;

/**
 * A payroll row whose fields are usable: a level code, a location {@code CC} or {@code CC-AREA}
 * (ISO country, then the area code), a positive base pay, a known currency and period. Values are
 * upper-cased; the employee id is kept only to find duplicates and never leaves this plugin.
 */
record Employee(
        String employeeId,
        String jobCode,
        String level,
        String country,
        String area,
        double basePay,
        String currency,
        PayPeriod period,
        PayrollRow row) {

    private static final Pattern LEVEL = Pattern.compile("[A-Z0-9_-]{1,20}");
    private static final Pattern AREA = Pattern.compile("[A-Z0-9_-]{1,32}");
    private static final Pattern AMOUNT = Pattern.compile("\\d+(\\.\\d+)?([eE][+-]?\\d+)?");

    /** Either an employee or the problem of the row (naming its line and field, never a value). */
    record Outcome(Employee employee, Problem problem) {}

    static Outcome check(PayrollRow row) {
        for (Field f : Field.values()) {
            if (row.get(f) == null) {
                return skip(row, f, "is missing");
            }
        }
        String level = row.get(Field.LEVEL).toUpperCase(Locale.ROOT);
        if (!LEVEL.matcher(level).matches()) {
            return skip(row, Field.LEVEL, "is not a level code such as IC3 or M1");
        }
        String location = row.get(Field.LOCATION).toUpperCase(Locale.ROOT);
        int dash = location.indexOf('-');
        String country = dash < 0 ? location : location.substring(0, dash);
        if (!ObservationChecks.isCountry(country)
                || (dash >= 0 && !AREA.matcher(location).matches())) {
            return skip(row, Field.LOCATION, "is not a country code or country-area code such as US or US-NYC");
        }
        String pay = row.get(Field.BASE_PAY);
        double basePay = AMOUNT.matcher(pay).matches() ? Double.parseDouble(pay) : Double.NaN;
        if (!Double.isFinite(basePay) || basePay <= 0) {
            return skip(row, Field.BASE_PAY, "is not a positive number");
        }
        String currency = row.get(Field.CURRENCY).toUpperCase(Locale.ROOT);
        if (!ObservationChecks.isCurrency(currency)) {
            return skip(row, Field.CURRENCY, "is not an ISO 4217 currency code");
        }
        PayPeriod period;
        try {
            period = PayPeriod.valueOf(row.get(Field.PERIOD).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return skip(row, Field.PERIOD, "must be ANNUAL, MONTHLY or HOURLY");
        }
        return new Outcome(
                new Employee(
                        row.get(Field.EMPLOYEE_ID),
                        row.get(Field.JOB_CODE),
                        level,
                        country,
                        dash < 0 ? null : location,
                        basePay,
                        currency,
                        period,
                        row),
                null);
    }

    private static Outcome skip(PayrollRow row, Field field, String why) {
        return new Outcome(
                null,
                new Problem(
                        row.line(),
                        row.name(field),
                        row.file() + ": " + row.name(field) + " " + why + "; row skipped"));
    }

    /** Never prints the employee id or the pay. */
    @Override
    public String toString() {
        return "Employee[" + row.where() + "]";
    }
}
