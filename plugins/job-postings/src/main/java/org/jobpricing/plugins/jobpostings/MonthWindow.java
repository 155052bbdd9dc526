package org.jobpricing.plugins.jobpostings;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The complete calendar months a run aggregates: after the cursor's month (at most
 * {@code lookbackMonths} back; on the first run exactly that many) up to the month before today's.
 * The cursor is the last month aggregated, {@code YYYY-MM}; the current month is never read, so a
 * month is aggregated once, complete, and never again.
 */
record MonthWindow(YearMonth first, YearMonth last) {

    /** The next window, or empty when no month has completed since the cursor. */
    static Optional<MonthWindow> after(String cursor, LocalDate today, int lookbackMonths) {
        YearMonth lastComplete = YearMonth.from(today).minusMonths(1);
        YearMonth earliest = lastComplete.minusMonths(lookbackMonths - 1L);
        YearMonth first = earliest;
        if (cursor != null) {
            YearMonth next = parseCursor(cursor).plusMonths(1);
            first = next.isAfter(earliest) ? next : earliest;
        }
        return first.isAfter(lastComplete) ? Optional.empty() : Optional.of(new MonthWindow(first, lastComplete));
    }

    static YearMonth parseCursor(String cursor) {
        try {
            return YearMonth.parse(cursor.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "the cursor '" + cursor + "' is not a month YYYY-MM; it is the last month this source aggregated");
        }
    }

    LocalDate from() {
        return first.atDay(1);
    }

    LocalDate to() {
        return last.atEndOfMonth();
    }

    boolean contains(LocalDate date) {
        return !date.isBefore(from()) && !date.isAfter(to());
    }

    /** The cursor to hand back: the last month aggregated. */
    String cursor() {
        return last.toString();
    }
}
