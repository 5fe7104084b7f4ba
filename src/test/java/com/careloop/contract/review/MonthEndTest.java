package com.careloop.contract.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.careloop.platform.calendar.BusinessCalendar;

import org.junit.jupiter.api.Test;

/**
 * The month-end of 002-A12 in company time (Asia/Shanghai) on fixed clocks: a month is due on the first working day
 * after it (weekends, the National Day holidays and a make-up working day of the business calendar), not before; a
 * missed run catches up; the month's bounds are company midnights.
 */
class MonthEndTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** National Day 2026: 1–7 October off, Saturday 10 October worked. */
    static final BusinessCalendar CALENDAR = BusinessCalendar.chinaStandard(
            Stream.iterate(LocalDate.of(2026, 10, 1), d -> d.plusDays(1)).limit(7).collect(Collectors.toSet()),
            Set.of(LocalDate.of(2026, 10, 10)));

    static LocalDate today(String utc) {
        return LocalDate.now(Clock.fixed(Instant.parse(utc), SHANGHAI));
    }

    @Test
    void septemberIsDueOnTheFirstWorkingDayAfterTheHolidaysInCompanyTime() {
        assertThat(MonthEnd.distributionDay(YearMonth.of(2026, 9), CALENDAR)).isEqualTo(LocalDate.of(2026, 10, 8));
        // 30 September 23:59 in Shanghai (15:59 UTC): September has not ended
        assertThat(MonthEnd.due(today("2026-09-30T15:59:00Z"), CALENDAR)).contains(YearMonth.of(2026, 8));
        assertThat(MonthEnd.ended(YearMonth.of(2026, 9), today("2026-09-30T15:59:00Z"))).isFalse();
        // 1 October 00:30 in Shanghai (30 September 16:30 UTC): over, but a holiday — not due yet
        assertThat(MonthEnd.ended(YearMonth.of(2026, 9), today("2026-09-30T16:30:00Z"))).isTrue();
        assertThat(MonthEnd.due(today("2026-09-30T16:30:00Z"), CALENDAR)).isEmpty();
        assertThat(MonthEnd.due(today("2026-10-07T03:00:00Z"), CALENDAR)).isEmpty();
        // 8 October, 00:30 in Shanghai (7 October 16:30 UTC): the first working day — September is due
        assertThat(MonthEnd.due(today("2026-10-07T16:30:00Z"), CALENDAR)).contains(YearMonth.of(2026, 9));
        // a run missed that day catches up later in the month
        assertThat(MonthEnd.due(today("2026-10-20T02:00:00Z"), CALENDAR)).contains(YearMonth.of(2026, 9));
    }

    @Test
    void aMonthEndingOnAFridayIsDueOnMondayAndAMakeUpSaturdayCounts() {
        // 31 July 2026 is a Friday: August starts on a Saturday, Monday 3 August is the first working day
        assertThat(MonthEnd.distributionDay(YearMonth.of(2026, 7), CALENDAR)).isEqualTo(LocalDate.of(2026, 8, 3));
        assertThat(MonthEnd.due(LocalDate.of(2026, 8, 2), CALENDAR)).isEmpty();
        assertThat(MonthEnd.due(LocalDate.of(2026, 8, 3), CALENDAR)).contains(YearMonth.of(2026, 7));
        // a make-up Saturday is a working day
        BusinessCalendar makeUp = BusinessCalendar.chinaStandard(Set.of(), Set.of(LocalDate.of(2026, 8, 1)));
        assertThat(MonthEnd.distributionDay(YearMonth.of(2026, 7), makeUp)).isEqualTo(LocalDate.of(2026, 8, 1));
    }

    @Test
    void theMonthsBoundsAreCompanyMidnights() {
        assertThat(MonthEnd.start(YearMonth.of(2026, 11), SHANGHAI)).isEqualTo(Instant.parse("2026-10-31T16:00:00Z"));
        assertThat(MonthEnd.end(YearMonth.of(2026, 11), SHANGHAI)).isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
    }
}
