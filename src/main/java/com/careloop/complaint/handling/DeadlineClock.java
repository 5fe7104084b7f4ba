package com.careloop.complaint.handling;

import java.time.Duration;
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
        Instant due = calendar.deadline(start, amount, unit, List.of());
        // Smallest minute m with fractionUsed(start + m) >= share; fractionUsed is monotonic in time.
        long lo = 0;
        long hi = Duration.between(start, due).toMinutes();
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            Instant at = start.plus(Duration.ofMinutes(mid));
            if (calendar.fractionUsed(start, at, amount, unit, List.of()) >= warnShare) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return new Due(due, start.plus(Duration.ofMinutes(lo)));
    }
}
