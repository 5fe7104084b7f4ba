package com.careloop.complaint.retail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import com.careloop.platform.InvalidInputException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 七天无理由退货: seven calendar days from the day after receipt, to the end of the seventh day in Shanghai. */
class SevenDayPeriodTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @ParameterizedTest(name = "received {0} -> last day {1}")
    @CsvSource({
            "2026-03-01, 2026-03-08",   // the rule's own example
            "2026-01-28, 2026-02-04",   // across a month end
            "2026-02-25, 2026-03-04",   // February has 28 days in 2026
            "2028-02-25, 2028-03-03",   // ... and 29 in 2028
            "2026-12-29, 2027-01-05",   // across the year end
            "2026-02-14, 2026-02-21",   // Spring Festival 2026 (holiday 15-23 Feb): calendar days, not working days
            "2026-02-16, 2026-02-23",   // New Year's Eve: the whole holiday counts
            "2026-09-30, 2026-10-07"})  // National Day week counts too
    void theLastDayIsTheSeventhCalendarDayAfterReceipt(LocalDate received, LocalDate last) {
        assertThat(SevenDayPeriod.lastDay(received)).isEqualTo(last);
        assertThat(SevenDayPeriod.check(received, last)).isEqualTo(last);
        assertThatThrownBy(() -> SevenDayPeriod.check(received, last.plusDays(1)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("requestedOn");
                    assertThat(e.rule()).isEqualTo("seven-day-period");
                    assertThat(e.getMessage()).contains(last.toString());
                });
    }

    @Test
    void theDayOfReceiptItselfIsInThePeriod() {
        LocalDate received = LocalDate.of(2026, 3, 1);
        assertThat(SevenDayPeriod.check(received, received)).isEqualTo(LocalDate.of(2026, 3, 8));
    }

    @Test
    void aRequestBeforeTheReceiptIsRefused() {
        assertThatThrownBy(() -> SevenDayPeriod.check(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 2, 28)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.rule()).isEqualTo("after-receipt"));
    }

    @Test
    void thePeriodEndsAtMidnightAfterTheLastDayInShanghai() {
        assertThat(SevenDayPeriod.endsAt(LocalDate.of(2026, 3, 1), SHANGHAI))
                .isEqualTo(Instant.parse("2026-03-08T16:00:00Z"));
    }
}
