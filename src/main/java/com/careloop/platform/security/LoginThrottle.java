package com.careloop.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.PerAddressLimiter;
import com.careloop.platform.PerAddressLimiters;
import com.careloop.platform.org.CredentialsChanged;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Sign-in throttling that an attacker cannot turn against a real user: failures are counted per (client address,
 * username) — five in a row block that pair only, with a back-off that doubles on each further block — and per
 * address for any usernames (a Bucket4j bucket), so one address cannot guess across accounts either. The real
 * user signing in from another address is never affected. Usernames are counted whether they exist or not, so
 * the answers never tell known from unknown accounts. Counted in this node's memory: behind a load balancer each
 * node counts on its own (the limits times the nodes) — except, with {@code careloop.ratelimit.shared=true}, the
 * per-address budget, which is then counted in the database for all nodes ({@link PerAddressLimiters}); the
 * per-pair back-off stays per node (the account lock-out after {@code max-failed-logins} is in the user's row anyway).
 */
@Component
class LoginThrottle {

    private static final int PURGE_AT = 20_000;
    private static final Duration LONGEST_BLOCK = Duration.ofDays(1);

    /** Failures of one (address, username) pair since its last success. */
    private static final class Pair {
        int failures;
        int blocks;
        Instant blockedUntil;
        Instant lastFailure;
    }

    private final Map<String, Bucket> addresses = new ConcurrentHashMap<>();
    private final Map<String, Pair> pairs = new ConcurrentHashMap<>();
    private final CareLoopProperties.Security settings;
    private final Clock clock;
    private final TimeMeter meter;

    /** The shared per-address budget (null: Bucket4j buckets in memory). */
    private final PerAddressLimiter sharedAddresses;

    LoginThrottle(CareLoopProperties properties, Clock clock, PerAddressLimiters limiters) {
        this.settings = properties.security();
        this.clock = clock;
        this.sharedAddresses = limiters.shared() ? limiters.create("login-address",
                settings.maxFailuresPerAddress(), settings.addressWindow()) : null;
        this.meter = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** How long the pair or the address must still wait, if it is blocked. */
    Optional<Duration> blocked(String address, String username) {
        Instant now = clock.instant();
        if (sharedAddresses != null) {
            Optional<Duration> wait = sharedAddresses.exhausted(address);
            if (wait.isPresent()) {
                return wait;
            }
        }
        Bucket bucket = sharedAddresses != null ? null : addresses.get(address);
        if (bucket != null && bucket.getAvailableTokens() < 1) {
            return Optional.of(Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
        }
        Pair pair = pairs.get(key(address, username));
        if (pair != null) {
            synchronized (pair) {
                if (pair.blockedUntil != null && pair.blockedUntil.isAfter(now)) {
                    return Optional.of(Duration.between(now, pair.blockedUntil));
                }
            }
        }
        return Optional.empty();
    }

    /** Counts a failed sign-in; true when this failure blocked the pair. */
    boolean failed(String address, String username) {
        Instant now = clock.instant();
        purgeIfLarge(now);
        if (sharedAddresses != null) {
            sharedAddresses.tryAcquire(address);
        } else {
            addresses.computeIfAbsent(address, a -> newAddressBucket()).tryConsume(1);
        }
        Pair pair = pairs.computeIfAbsent(key(address, username), k -> new Pair());
        synchronized (pair) {
            if (pair.lastFailure != null && pair.lastFailure.isBefore(now.minus(LONGEST_BLOCK))) {
                pair.blocks = 0;
            }
            pair.lastFailure = now;
            if (++pair.failures < settings.maxFailedLogins()) {
                return false;
            }
            pair.failures = 0;
            pair.blocks++;
            Duration block = settings.lockDuration().multipliedBy(1L << Math.min(pair.blocks - 1, 16));
            pair.blockedUntil = now.plus(block.compareTo(LONGEST_BLOCK) > 0 ? LONGEST_BLOCK : block);
            return true;
        }
    }

    /** A success from the address clears that pair's failures (not the address's: guessing elsewhere still counts). */
    void succeeded(String address, String username) {
        pairs.remove(key(address, username));
    }

    /** An administrator unlocked the account: its pairs start afresh from every address. */
    void forget(String username) {
        String suffix = "\n" + normalise(username);
        pairs.keySet().removeIf(k -> k.endsWith(suffix));
    }

    @EventListener
    void onCredentialsChanged(CredentialsChanged change) {
        if (change.kind() != CredentialsChanged.Kind.DEACTIVATED) {
            forget(change.username());
        }
    }

    private Bucket newAddressBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(settings.maxFailuresPerAddress())
                        .refillIntervally(settings.maxFailuresPerAddress(), settings.addressWindow()))
                .withCustomTimePrecision(meter)
                .build();
    }

    /** Many tracked entries: drop those that hold nothing any more, so a scan from many addresses cannot fill the heap. */
    private void purgeIfLarge(Instant now) {
        if (pairs.size() > PURGE_AT) {
            Instant stale = now.minus(LONGEST_BLOCK);
            pairs.values().removeIf(p -> {
                synchronized (p) {
                    return (p.blockedUntil == null || !p.blockedUntil.isAfter(now)) && p.lastFailure.isBefore(stale);
                }
            });
        }
        if (addresses.size() > PURGE_AT) {
            addresses.values().removeIf(b -> b.getAvailableTokens() >= settings.maxFailuresPerAddress());
        }
    }

    private static String key(String address, String username) {
        return address + "\n" + normalise(username);
    }

    private static String normalise(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }
}
