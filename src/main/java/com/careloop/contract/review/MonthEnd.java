package com.careloop.contract.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;

import com.careloop.platform.calendar.BusinessCalendar;

/**
 * The month-end of seed 002-A12 in company time: a month's contracts are distributed on the first working day (business
 * calendar: weekends, public holidays, make-up working days) after the month ended; a month is over when its last day
 * has ended in the company's time zone.
 */
public final class MonthEnd {

    private MonthEnd() {
    }

    /** The first working day after the month's last day. */
    public static LocalDate distributionDay(YearMonth month, BusinessCalendar calendar) {
        LocalDate day = month.plusMonths(1).atDay(1);
        for (int i = 0; i < BusinessCalendar.MAX_WALK_DAYS && !calendar.isWorkingDay(day); i++) {
            day = day.plusDays(1);
        }
        return day;
    }

    /**
     * The month whose distribution is due today (company date): the previous month once its distribution day has come
     * (so a run missed on that day catches up on the next ones); none before.
     */
    public static Optional<YearMonth> due(LocalDate today, BusinessCalendar calendar) {
        YearMonth previous = YearMonth.from(today).minusMonths(1);
        return today.isBefore(distributionDay(previous, calendar)) ? Optional.empty() : Optional.of(previous);
    }

    /** Whether the month has ended in company time (only an ended month can be distributed). */
    public static boolean ended(YearMonth month, LocalDate today) {
        return month.isBefore(YearMonth.from(today));
    }

    /** The instant the month starts in the zone (inclusive). */
    public static Instant start(YearMonth month, ZoneId zone) {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }

    /** The instant the month ends in the zone (exclusive: the next month's start). */
    public static Instant end(YearMonth month, ZoneId zone) {
        return start(month.plusMonths(1), zone);
    }
}
