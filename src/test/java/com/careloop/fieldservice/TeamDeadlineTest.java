package com.careloop.fieldservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Stream;

import com.careloop.platform.calendar.BusinessCalendar;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A team member's deadline falls on a working day of the business calendar (issue 20 §1): a deadline on a weekend or
 * a public holiday moves to the working day before; a make-up workday (调休) is a working day.
 */
class TeamDeadlineTest {

    static final BusinessCalendar CALENDAR = BusinessCalendar.chinaStandard(
            Set.copyOf(Stream.iterate(LocalDate.of(2026, 10, 1), d -> d.plusDays(1)).limit(7).toList()),
            Set.of(LocalDate.of(2026, 10, 10)));

    @ParameterizedTest(name = "{2}: {0} -> {1}")
    @CsvSource({
            "2026-09-30, 2026-09-30, a working day is kept",
            "2026-09-12, 2026-09-11, a Saturday moves to Friday",
            "2026-10-04, 2026-09-30, a day of the National Day holiday moves to the working day before it",
            "2026-10-10, 2026-10-10, a make-up Saturday is a working day"})
    void aDeadlineFallsOnAWorkingDayOfTheBusinessCalendar(LocalDate given, LocalDate expected, String why) {
        assertThat(FieldServices.workingDayOnOrBefore(given, CALENDAR)).as(why).isEqualTo(expected);
    }
}
