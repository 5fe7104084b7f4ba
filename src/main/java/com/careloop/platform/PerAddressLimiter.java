package com.careloop.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An abuse guard for public (no login) pages: at most {@code max} acquisitions per client address in a
 * sliding {@code window}, counted in this node's memory. In a cluster each node counts on its own, so the
 * effective limit is the limit times the number of nodes behind the load balancer — unless the limiter comes from
 * {@link PerAddressLimiters} with {@code careloop.ratelimit.shared=true}, which counts in the database for all nodes.
 * Idle addresses are forgotten once many are tracked, so a scan from many IPs cannot fill the heap.
 */
public final class PerAddressLimiter {

    /** Where a shared limiter counts (the database, see {@link PerAddressLimiters}). */
    interface Store {
        boolean tryAcquire(String address);

        Optional<Duration> exhausted(String address);

        void reset();
    }

    private static final int PURGE_AT = 10_000;

    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();
    private final int max;
    private final Duration window;
    private final Clock clock;
    private final Store store;

    public PerAddressLimiter(int max, Duration window, Clock clock) {
        this(max, window, clock, null);
    }

    PerAddressLimiter(int max, Duration window, Clock clock, Store store) {
        this.max = max;
        this.window = window;
        this.clock = clock;
        this.store = store;
    }

    /** Counts one acquisition from {@code address}; false when the address has used up its allowance. */
    public boolean tryAcquire(String address) {
        if (store != null) {
            return store.tryAcquire(address);
        }
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

    /** How long the address must still wait when it has used up its allowance (without counting a hit). */
    public Optional<Duration> exhausted(String address) {
        if (store != null) {
            return store.exhausted(address);
        }
        Deque<Instant> q = recent.get(address);
        if (q == null) {
            return Optional.empty();
        }
        Instant since = Instant.now(clock).minus(window);
        synchronized (q) {
            q.removeIf(t -> !t.isAfter(since));
            return q.size() >= max ? Optional.of(Duration.between(since, q.peekFirst())) : Optional.empty();
        }
    }

    public long windowMinutes() {
        return window.toMinutes();
    }

    /** Tests start from a clean slate. */
    public void reset() {
        recent.clear();
        if (store != null) {
            store.reset();
        }
    }
}
