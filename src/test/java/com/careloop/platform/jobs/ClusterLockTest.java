package com.careloop.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.careloop.support.ApiTestBase;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Two nodes firing the same job at once: the database lock lets exactly one of them run it. */
class ClusterLockTest extends ApiTestBase {

    @Autowired
    LockProvider locks;

    @Test
    void aJobRunsOnceWhenTwoNodesFireItTogether() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        String name = "sla-scan-" + System.nanoTime();
        var nodeA = new DefaultLockingTaskExecutor(locks);
        var nodeB = new DefaultLockingTaskExecutor(locks);
        Thread a = new Thread(() -> nodeA.executeWithLock((Runnable) () -> {
            runs.incrementAndGet();
            inside.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, new LockConfiguration(Instant.now(), name, Duration.ofMinutes(1), Duration.ZERO)));
        a.start();
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        nodeB.executeWithLock((Runnable) runs::incrementAndGet,
                new LockConfiguration(Instant.now(), name, Duration.ofMinutes(1), Duration.ZERO));
        release.countDown();
        a.join();
        assertThat(runs.get()).isEqualTo(1);

        nodeB.executeWithLock((Runnable) runs::incrementAndGet,
                new LockConfiguration(Instant.now(), name, Duration.ofMinutes(1), Duration.ZERO));
        assertThat(runs.get()).as("after the first run released the lock").isEqualTo(2);
    }
}
