package com.careloop.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed delivery of an outbox row (webhooks, notification channels) is tried again:
 * {@code initial × 2^(attempts-1)}, at most {@code max}; none (dead) once the next try would fall after
 * {@code createdAt + retryFor}. Pure, so its exact figures are unit tested.
 */
public record Backoff(Duration initial, Duration max, Duration retryFor) {

    /** The next attempt after {@code attempts} failed ones at {@code now}; empty: give up (dead letter). */
    public Optional<Instant> next(int attempts, Instant createdAt, Instant now) {
        int shift = Math.max(0, Math.min(attempts - 1, 30));
        long millis = initial.toMillis() << shift;
        Duration wait = millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
        Instant next = now.plus(wait);
        return next.isAfter(createdAt.plus(retryFor)) ? Optional.empty() : Optional.of(next);
    }
}
