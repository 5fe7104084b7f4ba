package com.careloop.fieldservice.visit;

import java.time.LocalDate;

import com.careloop.platform.calendar.BusinessCalendar;

/** Due dates of agreed actions on the business calendar. */
final class DueDates {

    private DueDates() {
    }

    /** The given day if it is a working day, else the working day before (a promise is kept before a holiday). */
    static LocalDate workingDayOnOrBefore(LocalDate day, BusinessCalendar calendar) {
        LocalDate d = day;
        for (int i = 0; i < 60 && !calendar.isWorkingDay(d); i++) {
            d = d.minusDays(1);
        }
        return d;
    }

    /** The {@code n}th working day after {@code from}. */
    static LocalDate afterWorkingDays(LocalDate from, int n, BusinessCalendar calendar) {
        LocalDate d = from;
        int left = n;
        for (int i = 0; i < 3660 && left > 0; i++) {
            d = d.plusDays(1);
            if (calendar.isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }
}
