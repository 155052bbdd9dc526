package org.jobpricing.plugins.jobpostings;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jobpricing.plugin.api.ObservationChecks;
import org.jobpricing.plugin.api.PayPeriod;

/**
 * A posting whose fields can be aggregated: a posting date, a location {@code CC} or {@code CC-AREA}
 * (ISO country, then the area code), a known currency and period, and one pay figure, the midpoint of
 * salaryMin and salaryMax (either alone when the other is missing).
 */
record CheckedPosting(
        String title,
        String company,
        LocalDate posted,
        String country,
        String area,
        String currency,
        PayPeriod period,
        double pay) {

    private static final Pattern AREA = Pattern.compile("[A-Z0-9_-]{1,32}");

    /** Either a checked posting or why the posting was skipped (a phrase for the warning). */
    record Outcome(CheckedPosting posting, String skipReason) {}

    static Outcome check(Posting p) {
        Optional<LocalDate> posted = postedDate(p);
        if (posted.isEmpty()) {
            return skip("without a postedDate YYYY-MM-DD");
        }
        String location = p.location() == null ? "" : p.location().toUpperCase(Locale.ROOT);
        int dash = location.indexOf('-');
        String country = dash < 0 ? location : location.substring(0, dash);
        if (!ObservationChecks.isCountry(country)
                || (dash >= 0 && !AREA.matcher(location).matches())) {
            return skip("with a location that is not a country or country-area code");
        }
        String currency = p.currency() == null ? null : p.currency().toUpperCase(Locale.ROOT);
        if (!ObservationChecks.isCurrency(currency)) {
            return skip("with an unknown currency");
        }
        Optional<PayPeriod> period = period(p.period());
        if (period.isEmpty()) {
            return skip("with a period other than ANNUAL, MONTHLY or HOURLY");
        }
        if (p.salaryMin() == null && p.salaryMax() == null) {
            return skip("without pay");
        }
        if (p.salaryMin() != null && p.salaryMax() != null && p.salaryMin() > p.salaryMax()) {
            return skip("with salaryMin above salaryMax");
        }
        double pay = p.salaryMin() == null
                ? p.salaryMax()
                : p.salaryMax() == null ? p.salaryMin() : (p.salaryMin() + p.salaryMax()) / 2;
        if (!Double.isFinite(pay) || pay <= 0) {
            return skip("with pay that is not a positive finite number");
        }
        String company = p.company() == null ? null : p.company().toLowerCase(Locale.ROOT);
        return new Outcome(
                new CheckedPosting(
                        p.title(),
                        company,
                        posted.get(),
                        country,
                        dash < 0 ? null : location,
                        currency,
                        period.get(),
                        pay),
                null);
    }

    /** The posting date; a date-time counts by its date part. */
    static Optional<LocalDate> postedDate(Posting p) {
        String text = p.postedDate();
        if (text == null || text.length() < 10) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.substring(0, 10)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<PayPeriod> period(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(PayPeriod.valueOf(text.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Outcome skip(String reason) {
        return new Outcome(null, reason);
    }
}
