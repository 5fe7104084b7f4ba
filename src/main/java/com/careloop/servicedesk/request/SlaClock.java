package com.careloop.servicedesk.request;

import java.time.Instant;
import java.util.List;

import com.careloop.platform.calendar.BusinessCalendar;
import com.careloop.platform.calendar.Pause;
import com.careloop.platform.calendar.TimeUnit;

/**
 * The SLA arithmetic of a request on the business calendar: deadlines (paused time does not count) and
 * the instant the configured share of the target (default 80%) is used up, stored so that the SLA scan
 * is one indexed SQL query instead of a calendar walk per open request.
 */
public record SlaClock(BusinessCalendar calendar, double warnShare) {

    public Instant deadline(Instant start, long amount, TimeUnit unit, List<Pause> pauses, Instant now) {
        return calendar.deadline(start, amount, unit, pauses, now);
    }

    /** The first minute at which {@code warnShare} of the counted time to the deadline is used. */
    public Instant warnAt(Instant start, long amount, TimeUnit unit, List<Pause> pauses, Instant now) {
        return calendar.warnAt(start, amount, unit, pauses, now, warnShare);
    }
}
