package com.careloop.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.PerAddressLimiter;
import com.careloop.platform.PerAddressLimiters;
import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code careloop.ratelimit.shared=true} (issue 19 §4): the per-address limiters count in the database, so two
 * nodes — here two limiter factories on the one database, as two applications would have — spend one budget per
 * address; concurrent hits never pass more than the budget; the window starts afresh when it ran out; the sign-in
 * throttle's per-address budget is shared the same way; the public pages' limiters count in {@code address_hit}.
 */
@TestPropertySource(properties = "careloop.ratelimit.shared=true")
class SharedRateLimitTest extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    CareLoopProperties properties;

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-06T02:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    private PerAddressLimiters node() {
        return new PerAddressLimiters(jdbc, transactions, clock, true);
    }

    private static String address() {
        return "198.51.100." + UUID.randomUUID();
    }

    @Test
    void twoNodesSpendOneBudgetPerAddressUntilTheWindowRunsOut() {
        String name = "t-" + UUID.randomUUID().toString().substring(0, 8);
        PerAddressLimiter a = node().create(name, 3, Duration.ofMinutes(10));
        PerAddressLimiter b = node().create(name, 3, Duration.ofMinutes(10));
        String ip = address();
        assertThat(a.tryAcquire(ip)).isTrue();
        assertThat(b.tryAcquire(ip)).isTrue();
        assertThat(a.tryAcquire(ip)).isTrue();
        assertThat(b.tryAcquire(ip)).as("the fourth hit, on the other node").isFalse();
        assertThat(a.tryAcquire(ip)).isFalse();
        assertThat(b.exhausted(ip)).contains(Duration.ofMinutes(10));
        assertThat(a.tryAcquire(address())).as("another address has its own budget").isTrue();

        now.set(now.get().plus(Duration.ofMinutes(10)).plusSeconds(1));
        assertThat(b.exhausted(ip)).isEmpty();
        assertThat(b.tryAcquire(ip)).isTrue();
    }

    @Test
    void concurrentHitsOnBothNodesNeverPassMoreThanTheBudget() throws Exception {
        String name = "c-" + UUID.randomUUID().toString().substring(0, 8);
        List<PerAddressLimiter> nodes = List.of(node().create(name, 10, Duration.ofMinutes(10)),
                node().create(name, 10, Duration.ofMinutes(10)));
        String ip = address();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Boolean>> hits = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                PerAddressLimiter node = nodes.get(i % 2);
                hits.add(pool.submit(() -> node.tryAcquire(ip)));
            }
            int passed = 0;
            for (Future<Boolean> hit : hits) {
                passed += hit.get() ? 1 : 0;
            }
            assertThat(passed).isEqualTo(10);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSignInThrottleBlocksAnAddressWhoseFailuresOnBothNodesReachTheBudget() {
        LoginThrottle a = new LoginThrottle(properties, clock, node());
        LoginThrottle b = new LoginThrottle(properties, clock, node());
        String ip = address();
        int budget = properties.security().maxFailuresPerAddress();
        for (int i = 0; i < budget; i++) {
            (i % 2 == 0 ? a : b).failed(ip, "guess-" + i);
        }
        assertThat(a.blocked(ip, "someone-else")).isPresent();
        assertThat(b.blocked(ip, "someone-else")).isPresent();
        assertThat(b.blocked(address(), "someone-else")).isEmpty();
    }

    @Test
    void thePublicProgressPageCountsItsLookUpsInTheDatabase() {
        long before = hits("servicedesk-progress");
        assertThat(new com.careloop.support.PageSession(port).get("/public/service-requests/progress/no-such-link")
                .status()).isEqualTo(200);
        assertThat(hits("servicedesk-progress")).isEqualTo(before + 1);
    }

    private long hits(String limiter) {
        return jdbc.sql("select coalesce(sum(hits), 0) from address_hit where limiter = :l").param("l", limiter)
                .query(Long.class).single();
    }
}
