package com.careloop.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit: the writes of many concurrent callers of one kind (e.g. service-request intake) run in one
 * transaction on a single writer thread per kind, and each caller returns once that transaction has committed.
 * A write that takes a contended lock, such as the gap-free record-number counter, then takes it once per batch
 * instead of once per caller, and the callers share one commit. Nothing is acknowledged before it is durable:
 * a caller gets its result only after the commit, or the exception of its own write.
 *
 * <p>A batch that fails is retried one write per transaction, so one caller's bad input never fails the others.
 * Each write runs as the caller who submitted it (the audit trail names them). A caller already inside a
 * transaction, a full queue or a stopped application writes inline in the caller's thread instead.
 */
@Component
public class GroupCommits implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GroupCommits.class);
    /** Stops after the web server (which stops at a higher phase), so accepted requests are still written. */
    private static final int PHASE = 0;

    private final TransactionTemplate transactions;
    private final int maxBatch;
    private final int capacity;
    private final Map<String, Writer> writers = new ConcurrentHashMap<>();
    private volatile boolean running;

    GroupCommits(PlatformTransactionManager transactionManager,
                 @Value("${careloop.group-commit.max-batch:100}") int maxBatch,
                 @Value("${careloop.group-commit.capacity:5000}") int capacity) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.maxBatch = maxBatch;
        this.capacity = capacity;
    }

    /**
     * Runs {@code write} in a transaction shared with other callers of the same {@code kind} and returns its
     * result once the transaction has committed; its runtime exception is thrown here as it was thrown there.
     */
    public <R> R commit(String kind, Supplier<R> write) {
        if (!running || TransactionSynchronizationManager.isActualTransactionActive()) {
            return transactions.execute(s -> write.get());
        }
        Job<R> job = new Job<>(write, SecurityContextHolder.getContext().getAuthentication(), IdempotentCreates.current());
        Writer writer = writers.computeIfAbsent(kind, Writer::new);
        if (!writer.queue.offer(job)) {
            return transactions.execute(s -> write.get());
        }
        try {
            while (true) {
                try {
                    return job.result.get(1, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    // a writer that ended (application stopping) before taking the job: write it here instead
                    if (!writer.thread.isAlive() && writer.queue.remove(job)) {
                        return transactions.execute(s -> write.get());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the group commit of " + kind, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static final class Job<R> {
        final Supplier<R> write;
        final Authentication caller;
        final IdempotentCreates.Key idempotencyKey;
        final CompletableFuture<R> result = new CompletableFuture<>();
        R value;

        Job(Supplier<R> write, Authentication caller, IdempotentCreates.Key idempotencyKey) {
            this.write = write;
            this.caller = caller;
            this.idempotencyKey = idempotencyKey;
        }

        /** The write as its caller (and its Idempotency-Key); the value is kept until the commit decides. */
        void run() {
            var context = SecurityContextHolder.getContext();
            context.setAuthentication(caller);
            var before = IdempotentCreates.bind(idempotencyKey);
            try {
                value = write.get();
            } finally {
                context.setAuthentication(null);
                IdempotentCreates.unbind(before);
            }
        }
    }

    /** The queue and writer thread of one kind. */
    private final class Writer implements Runnable {
        final BlockingQueue<Job<?>> queue = new ArrayBlockingQueue<>(capacity);
        final Thread thread;

        Writer(String kind) {
            thread = new Thread(this, "group-commit-" + kind);
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void run() {
            List<Job<?>> batch = new ArrayList<>(maxBatch);
            while (running || !queue.isEmpty()) {
                try {
                    Job<?> first = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, maxBatch - 1);
                    write(batch);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Throwable t) {
                    // never leave a caller waiting: whatever was not answered gets the failure
                    for (Job<?> job : batch) {
                        job.result.completeExceptionally(t);
                    }
                } finally {
                    batch.clear();
                }
            }
        }

        private void write(List<Job<?>> batch) {
            try {
                transactions.executeWithoutResult(s -> batch.forEach(Job::run));
                batch.forEach(GroupCommits::complete);
                return;
            } catch (RuntimeException e) {
                if (batch.size() == 1) {
                    batch.get(0).result.completeExceptionally(e);
                    return;
                }
                log.debug("group commit of {} writes failed, retrying one by one: {}", batch.size(), e.toString());
            }
            for (Job<?> job : batch) {
                try {
                    transactions.executeWithoutResult(s -> job.run());
                    complete(job);
                } catch (RuntimeException e) {
                    job.result.completeExceptionally(e);
                }
            }
        }
    }

    private static <R> void complete(Job<R> job) {
        job.result.complete(job.value);
    }

    @Override
    public void start() {
        writers.clear();
        running = true;
    }

    /** Writes what was accepted, then lets the writers end; later callers write inline. */
    @Override
    public void stop() {
        running = false;
        for (Writer w : writers.values()) {
            try {
                w.thread.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
