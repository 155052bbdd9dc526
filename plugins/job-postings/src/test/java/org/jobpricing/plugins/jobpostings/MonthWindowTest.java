package org.jobpricing.plugins.jobpostings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class MonthWindowTest {

    static final LocalDate TODAY = LocalDate.of(2026, 1, 20);

    @Test
    void theFirstRunReadsTheLastLookbackCompleteMonths() {
        assertThat(MonthWindow.after(null, TODAY, 12))
                .contains(new MonthWindow(YearMonth.of(2025, 1), YearMonth.of(2025, 12)));
    }

    @Test
    void aLaterRunReadsTheMonthsAfterTheCursor() {
        MonthWindow window = MonthWindow.after("2025-10", TODAY, 12).orElseThrow();

        assertThat(window).isEqualTo(new MonthWindow(YearMonth.of(2025, 11), YearMonth.of(2025, 12)));
        assertThat(window.from()).isEqualTo(LocalDate.of(2025, 11, 1));
        assertThat(window.to()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(window.cursor()).isEqualTo("2025-12");
    }

    @Test
    void theCurrentMonthIsNeverRead() {
        assertThat(MonthWindow.after("2025-12", TODAY, 12)).isEmpty();
        assertThat(MonthWindow.after("2025-12", LocalDate.of(2026, 1, 31), 12)).isEmpty();
        assertThat(MonthWindow.after("2025-12", LocalDate.of(2026, 2, 1), 12))
                .contains(new MonthWindow(YearMonth.of(2026, 1), YearMonth.of(2026, 1)));
    }

    @Test
    void aCursorAheadOfTheClockReadsNothing() {
        assertThat(MonthWindow.after("2026-03", TODAY, 12)).isEmpty();
    }

    @Test
    void windowsIncludeTheirFirstAndLastDays() {
        MonthWindow window = new MonthWindow(YearMonth.of(2025, 11), YearMonth.of(2025, 12));

        assertThat(window.contains(LocalDate.of(2025, 11, 1))).isTrue();
        assertThat(window.contains(LocalDate.of(2025, 12, 31))).isTrue();
        assertThat(window.contains(LocalDate.of(2025, 10, 31))).isFalse();
        assertThat(window.contains(LocalDate.of(2026, 1, 1))).isFalse();
    }
}
