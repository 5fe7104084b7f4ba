package com.careloop.platform.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/** A working interval within one day, e.g. 08:30–12:00. Start is inclusive, end exclusive. */
public record TimeRange(LocalTime start, LocalTime end) {

    public TimeRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("TimeRange start must be before end: " + start + " - " + end);
        }
    }

    /** Parses ISO local times, e.g. {@code TimeRange.of("08:30", "12:00")}. */
    public static TimeRange of(String start, String end) {
        return new TimeRange(LocalTime.parse(start), LocalTime.parse(end));
    }

    public Duration duration() {
        return Duration.between(start, end);
    }
}
