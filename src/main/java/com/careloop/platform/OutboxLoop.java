package com.careloop.platform;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

import org.springframework.jdbc.core.simple.JdbcClient;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sending loop of a leased-row outbox (webhooks, notification channels; ADR 0013/0015): {@link #wake()} after a
 * commit that enqueued something and from a poll; one round at a time on its own daemon thread, and a wake that
 * arrives during a round makes it go round once more, so nothing waits for the next poll. A round ({@code round})
 * claims and sends up to {@code batch} rows and returns how many it claimed; a full batch is followed at once.
 */
public final class OutboxLoop implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxLoop.class);

    private final String name;
    private final IntSupplier round;
    private final int batch;
    private final ExecutorService loop;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    public OutboxLoop(String name, IntSupplier round, int batch) {
        this.name = name;
        this.round = round;
        this.batch = batch;
        this.loop = Executors.newSingleThreadExecutor(r -> daemon(r, name + "-loop"));
    }

    /** A daemon thread, for the senders' pools too: a stuck receiver never holds the JVM open. */
    public static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Leases the due ones of {@code ids} in {@code table} to one batch ({@code token}): a conditional update, so of two
     * nodes claiming a row one wins it whole. The table has the outbox columns (status PENDING/FAILED/SENDING,
     * attempts, next_attempt_at, lease_until, leased_by).
     */
    public static void claim(JdbcClient jdbc, String table, List<Long> ids, String token, Instant now,
                             Instant leaseUntil) {
        jdbc.sql("update " + table + """
                 set status = 'SENDING', attempts = attempts + 1, lease_until = :until, leased_by = :token
                where id in (:ids) and ((status in ('PENDING', 'FAILED') and next_attempt_at <= :now)
                                        or (status = 'SENDING' and lease_until < :now))""")
                .param("until", Timestamp.from(leaseUntil)).param("token", token).param("ids", ids)
                .param("now", Timestamp.from(now)).update();
    }

    /** Runs {@code send} for each claimed row on {@code senders} and waits for all; false when interrupted. */
    public static <T> boolean sendAll(ExecutorService senders, List<T> claimed, Consumer<T> send) {
        List<Future<?>> sending = new ArrayList<>(claimed.size());
        for (T row : claimed) {
            sending.add(senders.submit(() -> send.accept(row)));
        }
        for (Future<?> f : sending) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException e) {
                log.error("A delivery failed unexpectedly", e.getCause());
            }
        }
        return true;
    }

    /** Starts a sending round unless one is running (which then goes round once more). */
    public void wake() {
        again.set(true);
        if (running.compareAndSet(false, true)) {
            loop.execute(this::drain);
        }
    }

    private void drain() {
        try {
            while (again.getAndSet(false)) {
                while (round.getAsInt() == batch) {
                    // a full batch: there may be more
                }
            }
        } catch (RuntimeException e) {
            log.error("{} sending round failed", name, e);
        } finally {
            running.set(false);
            if (again.get() && running.compareAndSet(false, true)) {
                loop.execute(this::drain);
            }
        }
    }

    @Override
    public void close() {
        loop.shutdownNow();
    }
}
