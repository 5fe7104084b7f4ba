package com.careloop.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the per-address limiters of the public pages and the sign-in throttle: in this node's memory (default), or
 * with {@code careloop.ratelimit.shared=true} ({@code CARELOOP_RATELIMIT_SHARED}) counted in the database (table
 * {@code address_hit}, V156) so that all nodes behind a load balancer spend one budget per address. The shared count
 * is a fixed window per (limiter, address): the first hit starts it, a hit is one conditional update
 * ({@code hits < max}), so concurrent nodes never let more than {@code max} through in a window; a window that ran
 * out starts afresh on the next hit. A database outage fails open (the hit is allowed and logged): a throttle must
 * not lock everybody out.
 */
@Component
public class PerAddressLimiters {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PerAddressLimiters.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate own;
    private final Clock clock;
    private final boolean shared;

    public PerAddressLimiters(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
                              @Value("${careloop.ratelimit.shared:false}") boolean shared) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.shared = shared;
    }

    /** Whether the limiters count in the database (all nodes) rather than in this node's memory. */
    public boolean shared() {
        return shared;
    }

    /** A limiter of at most {@code max} hits per address in {@code window}; {@code name} tells shared limiters apart. */
    public PerAddressLimiter create(String name, int max, Duration window) {
        return shared ? new PerAddressLimiter(max, window, clock, new Shared(name, max, window))
                : new PerAddressLimiter(max, window, clock);
    }

    /** The database count of one limiter. */
    final class Shared implements PerAddressLimiter.Store {

        private final String name;
        private final int max;
        private final Duration window;

        Shared(String name, int max, Duration window) {
            if (name.length() > 40) {
                throw new IllegalArgumentException(name);
            }
            this.name = name;
            this.max = max;
            this.window = window;
        }

        @Override
        public boolean tryAcquire(String address) {
            String key = key(address);
            try {
                for (int attempt = 0; attempt < 3; attempt++) {
                    Instant now = clock.instant();
                    Timestamp at = Timestamp.from(now);
                    Timestamp since = Timestamp.from(now.minus(window));
                    Boolean outcome = own.execute(s -> {
                        if (jdbc.sql("update address_hit set hits = hits + 1 where limiter = :l and address = :a"
                                        + " and window_start > :since and hits < :max")
                                .param("l", name).param("a", key).param("since", since).param("max", max).update() == 1) {
                            return true;
                        }
                        if (jdbc.sql("update address_hit set hits = 1, window_start = :now where limiter = :l"
                                        + " and address = :a and window_start <= :since")
                                .param("now", at).param("l", name).param("a", key).param("since", since).update() == 1) {
                            return true;
                        }
                        return jdbc.sql("select count(*) from address_hit where limiter = :l and address = :a")
                                .param("l", name).param("a", key).query(Long.class).single() > 0 ? Boolean.FALSE : null;
                    });
                    if (outcome != null) {
                        return outcome;
                    }
                    try { // first hit of this address: the row; a concurrent first hit of another node wins, retry
                        own.executeWithoutResult(s -> jdbc.sql("insert into address_hit (limiter, address, window_start,"
                                        + " hits) values (:l, :a, :now, 1)")
                                .param("l", name).param("a", key).param("now", at).update());
                        return max > 0;
                    } catch (DataIntegrityViolationException taken) {
                        // counted on the next round
                    }
                }
                return false;
            } catch (RuntimeException e) {
                log.warn("Shared rate limit '{}' could not be counted, allowing the hit: {}", name, e.toString());
                return true;
            }
        }

        @Override
        public Optional<Duration> exhausted(String address) {
            Instant now = clock.instant();
            return jdbc.sql("select window_start, hits from address_hit where limiter = :l and address = :a")
                    .param("l", name).param("a", key(address))
                    .query((rs, n) -> rs.getInt(2) >= max
                            ? rs.getTimestamp(1).toInstant().plus(window) : null)
                    .optional().filter(until -> until != null && until.isAfter(now))
                    .map(until -> Duration.between(now, until));
        }

        @Override
        public void reset() {
            jdbc.sql("delete from address_hit where limiter = :l").param("l", name).update();
        }

        private static String key(String address) {
            String a = address == null ? "" : address;
            return a.length() <= 100 ? a : a.substring(0, 100);
        }
    }
}
