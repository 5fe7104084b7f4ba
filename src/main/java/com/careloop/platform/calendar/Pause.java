package com.careloop.platform.calendar;

import java.time.Instant;
import java.util.Objects;

/**
 * A period during which the service-level clock is stopped (e.g. waiting for the customer).
 * A {@code null} end means the pause is still running; calculations then treat it as lasting until "now".
 */
public record Pause(Instant start, Instant end, String reason) {

    public Pause {
        Objects.requireNonNull(start, "start");
        if (end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("Pause end " + end + " is before its start " + start);
        }
    }

    public static Pause open(Instant start, String reason) {
        return new Pause(start, null, reason);
    }

    public boolean isOpen() {
        return end == null;
    }
}
