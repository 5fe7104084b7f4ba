package com.careloop.platform.calendar;

import static com.careloop.platform.calendar.TimeUnit.CALENDAR_HOURS;
import static com.careloop.platform.calendar.TimeUnit.WORKING_DAYS;
import static com.careloop.platform.calendar.TimeUnit.WORKING_HOURS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final BusinessCalendar CAL = ChineseHolidays2026.calendar();
    private static final List<Pause> NO_PAUSES = List.of();

    /** Fixed instants from Shanghai wall time, e.g. {@code t("2026-03-06T16:00")}. */
    private static Instant t(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    private static Pause pause(String from, String to) {
        return new Pause(t(from), to == null ? null : t(to), "等待客户回复");
    }

    private static Duration hours(double h) {
        return Duration.ofMinutes(Math.round(h * 60));
    }

    @Nested
    class Days {

        @Test
        void weekdaysWorkWeekendsDoNot() {
            assertThat(CAL.isWorkingDay(LocalDate.of(2026, 3, 6))).isTrue(); // Friday
            assertThat(CAL.isWorkingDay(LocalDate.of(2026, 3, 7))).isFalse(); // Saturday
            assertThat(CAL.hoursOn(LocalDate.of(2026, 3, 9)))
                    .containsExactly(TimeRange.of("08:30", "12:00"), TimeRange.of("13:30", "17:30"));
        }

        @Test
        void publicHolidayOnWeekdayIsOff() {
            assertThat(CAL.isWorkingDay(LocalDate.of(2026, 1, 1))).isFalse(); // Thursday, 元旦
            assertThat(CAL.hoursOn(LocalDate.of(2026, 10, 8))).hasSize(2);
            assertThat(CAL.hoursOn(LocalDate.of(2026, 10, 7))).isEmpty();
        }

        @Test
        void makeUpWeekendDayWorksWithMondayHours() {
            assertThat(CAL.isWorkingDay(LocalDate.of(2026, 1, 4))).isTrue(); // Sunday
            assertThat(CAL.isWorkingDay(LocalDate.of(2026, 9, 20))).isTrue(); // Sunday
            assertThat(CAL.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue(); // Saturday
            assertThat(CAL.hoursOn(LocalDate.of(2026, 2, 14))).isEqualTo(CAL.hoursOn(LocalDate.of(2026, 2, 9)));
        }

        @Test
        void makeUpHoursComeFromConfiguredDay() {
            BusinessCalendar cal = BusinessCalendar.builder()
                    .hours(DayOfWeek.MONDAY, TimeRange.of("09:00", "18:00"))
                    .hours(DayOfWeek.FRIDAY, TimeRange.of("09:00", "15:00"))
                    .makeUpWorkdays(Set.of(LocalDate.of(2026, 1, 4)))
                    .makeUpHoursFrom(DayOfWeek.FRIDAY)
                    .build();
            assertThat(cal.hoursOn(LocalDate.of(2026, 1, 4))).containsExactly(TimeRange.of("09:00", "15:00"));
        }

        @Test
        void holidayWinsOverMakeUpWorkday() {
            LocalDate both = LocalDate.of(2026, 3, 7);
            BusinessCalendar cal = BusinessCalendar.chinaStandard(Set.of(both), Set.of(both));
            assertThat(cal.isWorkingDay(both)).isFalse();
        }

        @Test
        void weeklyHoursAreSortedAndOverlapsRejected() {
            BusinessCalendar cal = BusinessCalendar.builder()
                    .weeklyHours(Map.of(DayOfWeek.TUESDAY,
                            List.of(TimeRange.of("13:00", "17:00"), TimeRange.of("08:00", "12:00"))))
                    .build();
            assertThat(cal.hoursOn(LocalDate.of(2026, 3, 10)))
                    .containsExactly(TimeRange.of("08:00", "12:00"), TimeRange.of("13:00", "17:00"));
            assertThat(cal.zone()).isEqualTo(SHANGHAI);
            assertThatThrownBy(() -> BusinessCalendar.builder()
                    .hours(DayOfWeek.MONDAY, TimeRange.of("08:00", "12:00"), TimeRange.of("11:00", "14:00"))
                    .build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Overlapping");
        }
    }

    @Nested
    class CalendarHours {

        @Test
        void runsThroughTheWeekend() {
            assertThat(CAL.deadline(t("2026-03-06T20:00"), 24, CALENDAR_HOURS, NO_PAUSES))
                    .isEqualTo(t("2026-03-07T20:00"));
            assertThat(CAL.deadline(t("2026-03-07T10:00"), 48, CALENDAR_HOURS, NO_PAUSES))
                    .isEqualTo(t("2026-03-09T10:00"));
        }

        @Test
        void fiveHourPauseMovesDeadlineFiveHoursLater() {
            assertThat(CAL.deadline(t("2026-03-09T09:00"), 24, CALENDAR_HOURS,
                    List.of(pause("2026-03-09T12:00", "2026-03-09T17:00"))))
                    .isEqualTo(t("2026-03-10T14:00"));
        }

        @Test
        void pauseInsideTheGrowingDeadlineCountsButLaterOnesDoNot() {
            // 09:00 nominal; first pause pushes to 14:00, which now covers the 13:00-15:00 pause -> 16:00
            List<Pause> pauses = List.of(
                    pause("2026-03-10T18:00", "2026-03-10T20:00"),
                    pause("2026-03-09T12:00", "2026-03-09T17:00"),
                    pause("2026-03-10T13:00", "2026-03-10T15:00"));
            assertThat(CAL.deadline(t("2026-03-09T09:00"), 24, CALENDAR_HOURS, pauses))
                    .isEqualTo(t("2026-03-10T16:00"));
        }

        @Test
        void onlyThePartOfAPauseAfterTheStartCountsAndOverlapsAreMerged() {
            List<Pause> pauses = List.of(
                    pause("2026-03-09T08:00", "2026-03-09T10:00"),
                    pause("2026-03-09T09:30", "2026-03-09T11:00"));
            assertThat(CAL.deadline(t("2026-03-09T09:00"), 24, CALENDAR_HOURS, pauses))
                    .isEqualTo(t("2026-03-10T11:00"));
        }

        @Test
        void zeroAmountIsTheStart() {
            Instant start = t("2026-03-07T19:00");
            assertThat(CAL.deadline(start, 0, CALENDAR_HOURS, NO_PAUSES)).isEqualTo(start);
            assertThat(CAL.deadline(start, 0, WORKING_HOURS, NO_PAUSES)).isEqualTo(start);
            assertThat(CAL.deadline(start, 0, WORKING_DAYS, NO_PAUSES)).isEqualTo(start);
        }
    }

    @Nested
    class WorkingHours {

        @Test
        void fridayAfternoonCarriesOverToMonday() {
            // Fri 16:00-17:30 = 1.5 h, remaining 2.5 h from Mon 08:30
            assertThat(CAL.deadline(t("2026-03-06T16:00"), 4, WORKING_HOURS, NO_PAUSES))
                    .isEqualTo(t("2026-03-09T11:00"));
        }

        @Test
        void receivedSaturdayEveningStartsMondayMorning() {
            assertThat(CAL.deadline(t("2026-03-07T19:00"), 2, WORKING_HOURS, NO_PAUSES))
                    .isEqualTo(t("2026-03-09T10:30"));
        }

        @Test
        void receivedAfterHoursStartsNextMorning() {
            assertThat(CAL.deadline(t("2026-03-10T18:00"), 3, WORKING_HOURS, NO_PAUSES))
                    .isEqualTo(t("2026-03-11T11:30"));
        }

        @Test
        void endsExactlyAtCloseNotNextMorning() {
            assertThat(CAL.deadline(t("2026-03-09T13:30"), 4, WORKING_HOURS, NO_PAUSES))
                    .isEqualTo(t("2026-03-09T17:30"));
            assertThat(CAL.deadline(t("2026-03-09T08:30"), 15, WORKING_HOURS, NO_PAUSES))
                    .isEqualTo(t("2026-03-10T17:30"));
        }

        @Test
        void lunchBreakDoesNotCount() {
            assertThat(CAL.deadline(t("2026-03-09T11:00"), 2, WORKING_HOURS, NO_PAUSES))
                    .isEqualTo(t("2026-03-09T14:30"));
            assertThat(CAL.deadline(t("2026-03-09T12:30"), 1, WORKING_HOURS, NO_PAUSES))
                    .isEqualTo(t("2026-03-09T14:30"));
            assertThat(CAL.deadline(t("2026-03-09T10:30"), 1, WORKING_HOURS, NO_PAUSES))
                    .isEqualTo(t("2026-03-09T11:30"));
        }

        @Test
        void nationalDayHolidayIsSkipped() {
            // Wed 09-30 15:00-17:30 = 2.5 h; 10-01..07 off; Thu 10-08 3.5 h + 2 h from 13:30
            assertThat(CAL.deadline(t("2026-09-30T15:00"), 8, WORKING_HOURS, NO_PAUSES))
                    .isEqualTo(t("2026-10-08T15:30"));
        }

        @Test
        void makeUpSaturdayAfterNationalDayCounts() {
            // 2.5 (09-30) + 7.5 (10-08) + 7.5 (10-09) = 17.5; Sat 10-10 is 调休上班: 08:30 + 2.5 h
            assertThat(CAL.deadline(t("2026-09-30T15:00"), 20, WORKING_HOURS, NO_PAUSES))
                    .isEqualTo(t("2026-10-10T11:00"));
        }

        @Test
        void makeUpSundayCounts() {
            // Sat 01-03 is 元旦; Sun 01-04 is a working day
            assertThat(CAL.deadline(t("2026-01-03T10:00"), 2, WORKING_HOURS, NO_PAUSES))
                    .isEqualTo(t("2026-01-04T10:30"));
            // Fri 09-18 17:00-17:30 = 0.5 h, Sat 09-19 off, Sun 09-20 works
            assertThat(CAL.deadline(t("2026-09-18T17:00"), 1, WORKING_HOURS, NO_PAUSES))
                    .isEqualTo(t("2026-09-20T09:00"));
        }

        @Test
        void pauseAcrossWeekendAddsExactlyThePausedWorkingTime() {
            Instant start = t("2026-03-06T09:00");
            Instant unpaused = CAL.deadline(start, 8, WORKING_HOURS, NO_PAUSES);
            assertThat(unpaused).isEqualTo(t("2026-03-09T09:30"));

            // Fri 16:00-17:30 (1.5 h) + Mon 08:30-10:00 (1.5 h) paused
            Instant paused = CAL.deadline(start, 8, WORKING_HOURS,
                    List.of(pause("2026-03-06T16:00", "2026-03-09T10:00")));
            assertThat(paused).isEqualTo(t("2026-03-09T14:00"));
            assertThat(CAL.workingTimeBetween(unpaused, paused)).isEqualTo(hours(3));
            assertThat(CAL.deadline(unpaused, 3, WORKING_HOURS, NO_PAUSES)).isEqualTo(paused);
        }

        @Test
        void openPauseNeedsNow() {
            List<Pause> open = List.of(Pause.open(t("2026-03-09T10:00"), "等待备件"));
            assertThatThrownBy(() -> CAL.deadline(t("2026-03-09T09:00"), 2, WORKING_HOURS, open))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("still open");
            // 09:00-10:00 counted, paused until now (11:00), then one more hour
            assertThat(CAL.deadline(t("2026-03-09T09:00"), 2, WORKING_HOURS, open, t("2026-03-09T11:00")))
                    .isEqualTo(t("2026-03-09T12:00"));
        }
    }

    @Nested
    class WorkingDays {

        @Test
        void qingmingIsSkippedAndDayOfReceiptDoesNotCount() {
            // Fri 04-03 day 1; 04-04..06 清明节; Tue 04-07 day 2; Wed 04-08 day 3
            assertThat(CAL.deadline(t("2026-04-02T10:00"), 3, WORKING_DAYS, NO_PAUSES))
                    .isEqualTo(t("2026-04-08T17:30"));
        }

        @Test
        void springFestivalMakeUpSaturdayIsAWorkingDay() {
            assertThat(CAL.deadline(t("2026-02-13T10:00"), 1, WORKING_DAYS, NO_PAUSES))
                    .isEqualTo(t("2026-02-14T17:30"));
            assertThat(CAL.deadline(t("2026-02-13T10:00"), 2, WORKING_DAYS, NO_PAUSES))
                    .isEqualTo(t("2026-02-24T17:30"));
        }

        @Test
        void receivedOnWeekendCountsFromMonday() {
            assertThat(CAL.deadline(t("2026-03-07T19:00"), 1, WORKING_DAYS, NO_PAUSES))
                    .isEqualTo(t("2026-03-09T17:30"));
        }

        @Test
        void pausedWorkingTimeIsAddedAfterTheBaseDeadline() {
            // paused: Tue 15:00-17:30 (2.5 h) + Wed 08:30-09:30 (1 h) = 3.5 h, from Wed 17:30 -> Thu 12:00
            assertThat(CAL.deadline(t("2026-04-02T10:00"), 3, WORKING_DAYS,
                    List.of(pause("2026-04-07T15:00", "2026-04-08T09:30"))))
                    .isEqualTo(t("2026-04-09T12:00"));
        }

        @Test
        void pauseRunningPastTheBaseDeadlineIsSkippedWhenExtending() {
            // 1 h paused before the base (Wed 16:30-17:30); extension starts when the pause ends Thu 10:00
            assertThat(CAL.deadline(t("2026-04-02T10:00"), 3, WORKING_DAYS,
                    List.of(pause("2026-04-08T16:30", "2026-04-09T10:00"))))
                    .isEqualTo(t("2026-04-09T11:00"));
        }
    }

    @Nested
    class ElapsedAndFraction {

        @Test
        void elapsedExcludesClosedPauses() {
            List<Pause> pauses = List.of(pause("2026-03-09T10:00", "2026-03-09T11:00"));
            // 09:00-12:00 minus 1 h, plus 13:30-15:00
            assertThat(CAL.elapsed(t("2026-03-09T09:00"), t("2026-03-09T15:00"), WORKING_HOURS, pauses))
                    .isEqualTo(hours(3.5));
            assertThat(CAL.elapsed(t("2026-03-09T09:00"), t("2026-03-09T15:00"), CALENDAR_HOURS, pauses))
                    .isEqualTo(hours(5));
        }

        @Test
        void openPauseRunsUntilNow() {
            List<Pause> pauses = List.of(pause("2026-03-09T14:00", null));
            Instant start = t("2026-03-09T09:00");
            Instant now = t("2026-03-10T10:00");
            assertThat(CAL.elapsed(start, now, WORKING_HOURS, pauses)).isEqualTo(hours(3.5));
            assertThat(CAL.elapsed(start, now, WORKING_DAYS, pauses)).isEqualTo(hours(3.5));
            assertThat(CAL.elapsed(start, now, CALENDAR_HOURS, pauses)).isEqualTo(hours(5));
        }

        @Test
        void nothingElapsesBeforeStartOrOutsideHours() {
            assertThat(CAL.elapsed(t("2026-03-09T09:00"), t("2026-03-09T08:00"), WORKING_HOURS, NO_PAUSES))
                    .isZero();
            assertThat(CAL.elapsed(t("2026-03-06T18:00"), t("2026-03-09T08:00"), WORKING_HOURS, NO_PAUSES))
                    .isZero();
            assertThat(CAL.workingTimeBetween(t("2026-03-06T16:00"), t("2026-03-09T10:00"))).isEqualTo(hours(3));
        }

        @Test
        void eightyPercentWarning() {
            // 10 working hours from Mon 08:30 -> Tue 11:00; 8 h used at Tue 09:00
            Instant start = t("2026-03-09T08:30");
            assertThat(CAL.fractionUsed(start, t("2026-03-10T09:00"), 10, WORKING_HOURS, NO_PAUSES))
                    .isCloseTo(0.8, within(1e-9));
            assertThat(CAL.fractionUsed(t("2026-03-09T00:00"), t("2026-03-09T08:00"), 10, CALENDAR_HOURS,
                    NO_PAUSES)).isCloseTo(0.8, within(1e-9));
        }

        @Test
        void fractionExceedsOneOnceBreached() {
            // Mon 7.5 h + Tue 08:30-12:00 and 13:30-14:30 = 12 h of 10
            assertThat(CAL.fractionUsed(t("2026-03-09T08:30"), t("2026-03-10T14:30"), 10, WORKING_HOURS,
                    NO_PAUSES)).isCloseTo(1.2, within(1e-9));
        }

        @Test
        void fractionForWorkingDaysUsesWorkingTimeUpToTheDeadline() {
            // total: Thu 10:00-17:30 (6 h) + 3 x 7.5 h = 28.5 h; used by Tue 04-07 17:30: 6 + 7.5 + 7.5 = 21 h
            assertThat(CAL.fractionUsed(t("2026-04-02T10:00"), t("2026-04-07T17:30"), 3, WORKING_DAYS,
                    NO_PAUSES)).isCloseTo(21 / 28.5, within(1e-9));
        }

        @Test
        void fractionWithOpenPauseTreatsPauseAsEndingNow() {
            // 3.5 h used before the pause at 12:00; the budget stays 10 h
            assertThat(CAL.fractionUsed(t("2026-03-09T08:30"), t("2026-03-09T15:00"), 10, WORKING_HOURS,
                    List.of(pause("2026-03-09T12:00", null)))).isCloseTo(0.35, within(1e-9));
        }

        @Test
        void zeroBudgetIsImmediatelyUsedUp() {
            Instant start = t("2026-03-09T09:00");
            assertThat(CAL.fractionUsed(start, start, 0, WORKING_HOURS, NO_PAUSES)).isEqualTo(1.0);
            assertThat(CAL.fractionUsed(start, t("2026-03-09T10:00"), 0, WORKING_HOURS, NO_PAUSES))
                    .isEqualTo(Double.POSITIVE_INFINITY);
        }
    }

    @Nested
    class WarningInstant {

        @Test
        void eightyPercentOfEightWorkingHoursFromFridayAfternoonFallsOnMondayAfternoon() {
            // Fri 16:00-17:30 = 90 min, Mon 08:30-12:00 = 210 min, then 84 of the 384 counted minutes (80% of 8 h)
            assertThat(CAL.warnAt(t("2026-03-06T16:00"), 8, WORKING_HOURS, NO_PAUSES, t("2026-03-06T16:00"), 0.8))
                    .isEqualTo(t("2026-03-09T14:54"));
        }

        @Test
        void aPauseMovesTheWarningByThePausedWorkingTime() {
            List<Pause> pauses = List.of(pause("2026-03-09T09:00", "2026-03-09T10:00"));
            assertThat(CAL.warnAt(t("2026-03-06T16:00"), 8, WORKING_HOURS, pauses, t("2026-03-09T10:00"), 0.8))
                    .isEqualTo(t("2026-03-09T15:54"));
        }
    }

    @Nested
    class Guards {

        @Test
        void negativeAmountIsRejected() {
            assertThatThrownBy(() -> CAL.deadline(t("2026-03-09T09:00"), -1, WORKING_HOURS, NO_PAUSES))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("negative");
        }

        @Test
        void calendarWithoutWorkingHoursThrowsForWorkingUnitsOnly() {
            BusinessCalendar none = BusinessCalendar.builder().build();
            Instant start = t("2026-03-09T09:00");
            assertThatThrownBy(() -> none.deadline(start, 1, WORKING_HOURS, NO_PAUSES))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no working hours");
            assertThatThrownBy(() -> none.deadline(start, 1, WORKING_DAYS, NO_PAUSES))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no working hours");
            assertThat(none.deadline(start, 1, CALENDAR_HOURS, NO_PAUSES)).isEqualTo(t("2026-03-09T10:00"));
        }

        @Test
        void walkingIsCapped() {
            assertThatThrownBy(() -> CAL.deadline(t("2026-03-09T09:00"), 100_000, WORKING_DAYS, NO_PAUSES))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("3660 days");
            assertThatThrownBy(() -> CAL.deadline(t("2026-03-09T09:00"), 100_000, WORKING_HOURS, NO_PAUSES))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> CAL.deadline(t("2026-03-09T09:00"), 24, CALENDAR_HOURS,
                    List.of(pause("2026-03-09T08:00", "2046-03-09T08:00"))))
                    .isInstanceOf(IllegalStateException.class);
        }

        @Test
        void valueTypesValidate() {
            assertThatThrownBy(() -> TimeRange.of("12:00", "08:30")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> TimeRange.of("12:00", "12:00")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> pause("2026-03-09T10:00", "2026-03-09T09:00"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(pause("2026-03-09T10:00", "2026-03-09T10:00").isOpen()).isFalse();
            assertThat(Pause.open(t("2026-03-09T10:00"), "x").isOpen()).isTrue();
        }
    }
}
