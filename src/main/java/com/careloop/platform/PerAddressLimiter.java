package com.careloop.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An abuse guard for public (no login) pages: at most {@code max} acquisitions per client address in a
 * sliding {@code window}, counted in this node's memory. In a cluster each node counts on its own, so the
 * effective limit is the limit times the number of nodes behind the load balancer; acceptable for an abuse
 * guard. Idle addresses are forgotten once many are tracked, so a scan from many IPs cannot fill the heap.
 */
public final class PerAddressLimiter {

    private static final int PURGE_AT = 10_000;

    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();
    private final int max;
    private final Duration window;
    private final Clock clock;

    public PerAddressLimiter(int max, Duration window, Clock clock) {
        this.max = max;
        this.window = window;
        this.clock = clock;
    }

    /** Counts one acquisition from {@code address}; false when the address has used up its allowance. */
    public boolean tryAcquire(String address) {
        Instant now = Instant.now(clock);
        Instant since = now.minus(window);
        if (recent.size() > PURGE_AT) {
            recent.values().removeIf(q -> { synchronized (q) { return q.isEmpty() || !q.peekLast().isAfter(since); } });
        }
        Deque<Instant> q = recent.computeIfAbsent(address, k -> new ArrayDeque<>());
        synchronized (q) {
            while (!q.isEmpty() && !q.peekFirst().isAfter(since)) {
                q.pollFirst();
            }
            if (q.size() >= max) {
                return false;
            }
            q.addLast(now);
            return true;
        }
    }

    public long windowMinutes() {
        return window.toMinutes();
    }

    /** Tests start from a clean slate. */
    public void reset() {
        recent.clear();
    }
}
