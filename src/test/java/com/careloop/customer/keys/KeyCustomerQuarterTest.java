package com.careloop.customer.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import com.careloop.platform.InvalidInputException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Quarter arithmetic of the quarterly key-customer review: which quarter a day is in, and when the review is due. */
class KeyCustomerQuarterTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @ParameterizedTest
    @CsvSource({"2026-01-01,2026-Q1", "2026-03-31,2026-Q1", "2026-04-01,2026-Q2", "2026-06-30,2026-Q2",
            "2026-07-01,2026-Q3", "2026-09-30,2026-Q3", "2026-10-01,2026-Q4", "2026-12-31,2026-Q4"})
    void aDayBelongsToItsCalendarQuarter(LocalDate day, String quarter) {
        assertThat(Quarter.of(day).toString()).isEqualTo(quarter);
    }

    @Test
    void theQuarterFollowsTheCompanyTimeZoneNotUtc() {
        // 2026-09-30 17:30 UTC is already 1 October 01:30 in Shanghai: Q4 for the company
        Clock clock = Clock.fixed(Instant.parse("2026-09-30T17:30:00Z"), SHANGHAI);
        assertThat(Quarter.of(LocalDate.now(clock)).toString()).isEqualTo("2026-Q4");
        assertThat(Quarter.of(LocalDate.now(clock.withZone(ZoneId.of("UTC")))).toString()).isEqualTo("2026-Q3");
    }

    @ParameterizedTest
    @CsvSource({"2026-Q1,2026-01-01,2026-03-31,2026-03-01", "2026-Q2,2026-04-01,2026-06-30,2026-06-01",
            "2026-Q3,2026-07-01,2026-09-30,2026-09-01", "2026-Q4,2026-10-01,2026-12-31,2026-12-01",
            "2028-Q1,2028-01-01,2028-03-31,2028-03-01"})
    void aQuarterHasItsFirstAndLastDayAndItsReviewMonth(String text, LocalDate first, LocalDate last, LocalDate dueFrom) {
        Quarter q = Quarter.parse(text);
        assertThat(q.firstDay()).isEqualTo(first);
        assertThat(q.lastDay()).isEqualTo(last);
        assertThat(q.reviewDueFrom()).isEqualTo(dueFrom);
    }

    @ParameterizedTest
    @CsvSource({"2026-10-01,false", "2026-11-30,false", "2026-12-01,true", "2026-12-31,true", "2027-01-01,false"})
    void theQ4ReviewIsDueInDecember(LocalDate today, boolean due) {
        assertThat(Quarter.parse("2026-Q4").reviewDueOn(today)).isEqualTo(due);
    }

    @Test
    void quartersRollOverTheYear() {
        assertThat(Quarter.parse("2026-Q4").next()).isEqualTo(new Quarter(2027, 1));
        assertThat(Quarter.parse("2026-Q1").previous()).isEqualTo(new Quarter(2025, 4));
        assertThat(Quarter.parse("2026-Q2").previous().next()).isEqualTo(new Quarter(2026, 2));
    }

    @Test
    void aMalformedQuarterNamesTheFieldAndTheFormat() {
        for (String bad : new String[] {"2026Q4", "2026-Q5", "2026-Q0", "Q4-2026", "", "2026-q4x"}) {
            assertThatThrownBy(() -> Quarter.parse(bad)).as(bad).isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.field() + "/" + e.rule()).isEqualTo("quarter/format"));
        }
    }
}
