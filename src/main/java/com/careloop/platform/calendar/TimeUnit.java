package com.careloop.platform.calendar;

/** How a service-level amount is counted against a {@link BusinessCalendar}. */
public enum TimeUnit {
    /** Wall-clock hours; only pauses stop the clock. */
    CALENDAR_HOURS,
    /** Hours inside the calendar's working hours, excluding pauses. */
    WORKING_HOURS,
    /** Whole working days after the day of receipt (e.g. "3个工作日内"), plus any paused working time. */
    WORKING_DAYS
}
