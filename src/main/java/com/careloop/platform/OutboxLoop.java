package com.careloop.platform;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

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
