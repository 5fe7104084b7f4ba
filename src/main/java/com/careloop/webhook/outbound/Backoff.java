package com.careloop.webhook.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed delivery is tried again: {@code initial × 2^(attempts-1)}, at most {@code max}; none (dead) once the
 * next try would fall after {@code createdAt + retryFor}. Pure, so its exact figures are unit tested.
 */
record Backoff(Duration initial, Duration max, Duration retryFor) {

    static Backoff of(WebhookProperties p) {
        return new Backoff(p.initialBackoff(), p.maxBackoff(), p.retryFor());
    }

    /** The next attempt after {@code attempts} failed ones at {@code now}; empty: give up (dead letter). */
    Optional<Instant> next(int attempts, Instant createdAt, Instant now) {
        int shift = Math.max(0, Math.min(attempts - 1, 30));
        long millis = initial.toMillis() << shift;
        Duration wait = millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
        Instant next = now.plus(wait);
        return next.isAfter(createdAt.plus(retryFor)) ? Optional.empty() : Optional.of(next);
    }
}
