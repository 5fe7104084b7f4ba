package com.careloop.complaint.handling;

import java.time.Instant;
import java.util.List;

import com.careloop.platform.calendar.BusinessCalendar;
import com.careloop.platform.calendar.TimeUnit;

/**
 * A complaint's deadline arithmetic on the business calendar: the due instant and the first minute at
 * which the warning share is used up, both stored so that the scan is one indexed query.
 */
public record DeadlineClock(BusinessCalendar calendar, double warnShare) {

    public record Due(Instant dueAt, Instant warnAt) {
    }

    public Due due(Instant start, int amount, TimeUnit unit) {
        return new Due(calendar.deadline(start, amount, unit, List.of()),
                calendar.warnAt(start, amount, unit, List.of(), start, warnShare));
    }
}
