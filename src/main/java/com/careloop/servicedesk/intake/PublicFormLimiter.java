package com.careloop.servicedesk.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most {@code careloop.servicedesk.public-form.max-submissions} (5) submissions of the public form per
 * client IP in {@code careloop.servicedesk.public-form.window} (10 minutes), counted in this node's memory
 * (a sliding window per IP). In a cluster each node counts on its own, so the effective limit is the
 * limit times the number of nodes behind the load balancer; that is acceptable for an abuse guard.
 */
@Component
class PublicFormLimiter {

    /** Forget idle addresses once this many are tracked, so a scan from many IPs cannot fill the heap. */
    private static final int PURGE_AT = 10_000;

    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();
    private final int maxSubmissions;
    private final Duration window;
    private final Clock clock;

    PublicFormLimiter(@Value("${careloop.servicedesk.public-form.max-submissions:5}") int maxSubmissions,
                      @Value("${careloop.servicedesk.public-form.window:10m}") Duration window, Clock clock) {
        this.maxSubmissions = maxSubmissions;
        this.window = window;
        this.clock = clock;
    }

    /** Counts one submission from {@code ip}; false when the address has used up its allowance. */
    boolean tryAcquire(String ip) {
        Instant now = Instant.now(clock);
        Instant since = now.minus(window);
        if (recent.size() > PURGE_AT) {
            recent.values().removeIf(q -> { synchronized (q) { return q.isEmpty() || !q.peekLast().isAfter(since); } });
        }
        Deque<Instant> q = recent.computeIfAbsent(ip, k -> new ArrayDeque<>());
        synchronized (q) {
            while (!q.isEmpty() && !q.peekFirst().isAfter(since)) {
                q.pollFirst();
            }
            if (q.size() >= maxSubmissions) {
                return false;
            }
            q.addLast(now);
            return true;
        }
    }

    long windowMinutes() {
        return window.toMinutes();
    }

    /** Tests start from a clean slate. */
    void reset() {
        recent.clear();
    }
}
