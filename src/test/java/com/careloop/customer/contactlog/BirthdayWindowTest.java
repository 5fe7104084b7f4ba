package com.careloop.customer.contactlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class BirthdayWindowTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** "Today" as the service sees it: the fixed clock's date in the company's zone. */
    private static LocalDate today(String instant) {
        return LocalDate.now(Clock.fixed(Instant.parse(instant), SHANGHAI));
    }

    @Test
    void todayIsTheCompanysDateNotUtc() {
        // 2026-12-19 17:00 UTC is already 20 December in Shanghai
        assertThat(today("2026-12-19T17:00:00Z")).isEqualTo(LocalDate.of(2026, 12, 20));
    }

    @ParameterizedTest(name = "{0} + {1} days: birthday {2} -> {3}")
    @CsvSource({
            // year wrap: Dec 20 + 30 days reaches Jan 19 of the next year, not Jan 20
            "2026-12-20, 30, 1980-01-19, 2027-01-19",
            "2026-12-20, 30, 1980-01-20, ",
            "2026-12-20, 30, 1980-12-31, 2026-12-31",
            // a birthday earlier this year is next year's
            "2026-12-20, 30, 1980-12-19, ",
            // today counts, days = 0 means today only
            "2026-06-15, 0, 1990-06-15, 2026-06-15",
            "2026-06-15, 0, 1990-06-16, ",
            // 29 February: on 28 February in a common year, on the 29th in a leap year
            "2027-02-20, 10, 2000-02-29, 2027-02-28",
            "2028-02-20, 10, 2000-02-29, 2028-02-29",
            "2027-02-28, 0, 2000-02-29, 2027-02-28",
            "2027-03-01, 30, 2000-02-29, ",
            // window across a year end into a common year's February
            "2026-12-31, 60, 1996-02-29, 2027-02-28"})
    void theBirthdaysInTheWindow(LocalDate today, int days, LocalDate birthday, LocalDate expected) {
        BirthdayWindow window = new BirthdayWindow(today, days);
        assertThat(window.occurrence(birthday)).isEqualTo(Optional.ofNullable(expected));
        if (expected != null) {
            int md = birthday.getMonthValue() * 100 + birthday.getDayOfMonth();
            assertThat(window.monthDays()).as("the database query finds it").contains(md);
        }
    }

    @Test
    void theQueryCoversExactlyTheWindowsDaysAndFeb29InACommonYear() {
        assertThat(new BirthdayWindow(LocalDate.of(2026, 12, 30), 3).monthDays()).containsExactly(101, 102, 1230, 1231);
        assertThat(new BirthdayWindow(LocalDate.of(2027, 2, 27), 1).monthDays()).containsExactly(227, 228, 229);
        assertThat(new BirthdayWindow(LocalDate.of(2028, 2, 27), 1).monthDays()).containsExactly(227, 228);
    }

    @Test
    void theAgeTurnedAndThePreviousCelebration() {
        LocalDate born = LocalDate.of(1968, 1, 5);
        LocalDate next = BirthdayWindow.nextOccurrence(born, LocalDate.of(2026, 12, 20));
        assertThat(next).isEqualTo(LocalDate.of(2027, 1, 5));
        assertThat(BirthdayWindow.turning(born, next)).isEqualTo(59);
        assertThat(BirthdayWindow.previousOccurrence(born, next)).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(BirthdayWindow.previousOccurrence(LocalDate.of(2000, 2, 29), LocalDate.of(2029, 2, 28)))
                .isEqualTo(LocalDate.of(2028, 2, 29));
    }

    @Test
    void theWindowIsAtMostAYear() {
        assertThatThrownBy(() -> new BirthdayWindow(LocalDate.of(2026, 1, 1), 367)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BirthdayWindow(LocalDate.of(2026, 1, 1), -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
