package com.careloop.complaint.retail;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import com.careloop.platform.InvalidInputException;

/**
 * 七天无理由退货: the seven days count from the day after receipt (签收次日起算) in calendar days — weekends and
 * public holidays (the Spring Festival too) count — and end at the end of the seventh day in the company's time
 * zone (Asia/Shanghai): received 2026-03-01, the last day is 2026-03-08, until 2026-03-08 24:00.
 */
public final class SevenDayPeriod {

    public static final int DAYS = 7;

    private SevenDayPeriod() {
    }

    /** The last day a no-reason return may be requested. */
    public static LocalDate lastDay(LocalDate receivedOn) {
        return receivedOn.plusDays(DAYS);
    }

    /** The instant the period ends: the start of the day after the last day, in {@code zone}. */
    public static Instant endsAt(LocalDate receivedOn, ZoneId zone) {
        return lastDay(receivedOn).plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** Refuses a request before receipt ({@code after-receipt}) or after the last day ({@code seven-day-period}). */
    public static LocalDate check(LocalDate receivedOn, LocalDate requestedOn) {
        if (requestedOn.isBefore(receivedOn)) {
            throw new InvalidInputException("requestedOn", "after-receipt", "退货申请日期不能早于签收日期 " + receivedOn
                    + " / the return cannot be requested before the goods were received on " + receivedOn);
        }
        LocalDate last = lastDay(receivedOn);
        if (requestedOn.isAfter(last)) {
            throw new InvalidInputException("requestedOn", "seven-day-period", "已超过七天无理由退货期限（签收 " + receivedOn
                    + "，最后一天 " + last + "）/ the seven-day return period ended on " + last + " (received "
                    + receivedOn + ")");
        }
        return last;
    }
}
