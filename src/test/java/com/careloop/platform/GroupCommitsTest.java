package com.careloop.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Group commit on H2 and PostgreSQL: shared transactions, one answer per caller, failures kept to their caller. */
class GroupCommitsTest extends ApiTestBase {

    @Autowired
    GroupCommits commits;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    final AtomicInteger transactions = new AtomicInteger();
    String kind;

    @BeforeEach
    void table() {
        jdbc.sql("create table if not exists group_commit_probe (id bigint primary key, caller varchar(40))").update();
        kind = "probe-" + System.nanoTime();
    }

    @Test
    void concurrentCallersShareTransactionsAndEachGetsItsOwnResultAfterTheCommit() throws Exception {
        int callers = 8;
        long base = System.nanoTime();
        CountDownLatch queued = new CountDownLatch(callers);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<Future<Long>> results = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            long id = base + c;
            results.add(pool.submit(() -> {
                queued.countDown();
                return commits.commit(kind, () -> {
                    // the first write waits until every caller has queued, so the others form one batch
                    awaitQuietly(queued);
                    if (id == base) {
                        pause(200);
                    }
                    countTransaction();
                    jdbc.sql("insert into group_commit_probe (id, caller) values (:id, :c)").param("id", id)
                            .param("c", Thread.currentThread().getName()).update();
                    return id;
                });
            }));
        }
        List<Long> answered = new ArrayList<>();
        for (Future<Long> f : results) {
            long id = f.get(1, TimeUnit.MINUTES);
            answered.add(id);
            // answered only after the commit: another connection sees the row
            assertThat(jdbc.sql("select count(*) from group_commit_probe where id = :id").param("id", id)
                    .query(Long.class).single()).isEqualTo(1);
        }
        pool.shutdown();
        assertThat(answered).containsExactlyElementsOf(java.util.stream.LongStream.range(base, base + callers).boxed().toList());
        assertThat(transactions.get()).isLessThan(callers);
        assertThat(jdbc.sql("select distinct caller from group_commit_probe where id >= :b and id < :e")
                .param("b", base).param("e", base + callers).query(String.class).list()).containsExactly("group-commit-" + kind);
    }

    @Test
    void aFailingWriteFailsOnlyItsCallerAndTheOthersAreCommitted() throws Exception {
        long base = System.nanoTime();
        CountDownLatch queued = new CountDownLatch(3);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<Long>> results = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            long id = base + c;
            boolean bad = c == 1;
            results.add(pool.submit(() -> {
                queued.countDown();
                return commits.commit(kind, () -> {
                    awaitQuietly(queued);
                    jdbc.sql("insert into group_commit_probe (id, caller) values (:id, 'x')").param("id", id).update();
                    if (bad) {
                        throw new InvalidInputException("title", "required", "probe");
                    }
                    return id;
                });
            }));
        }
        assertThat(results.get(0).get(1, TimeUnit.MINUTES)).isEqualTo(base);
        assertThat(results.get(2).get(1, TimeUnit.MINUTES)).isEqualTo(base + 2);
        assertThatThrownBy(() -> results.get(1).get(1, TimeUnit.MINUTES)).hasCauseInstanceOf(InvalidInputException.class);
        pool.shutdown();
        assertThat(jdbc.sql("select id from group_commit_probe where id >= :b and id < :e order by id")
                .param("b", base).param("e", base + 3).query(Long.class).list()).containsExactly(base, base + 2);
    }

    @Test
    void eachWriteRunsAsItsCallerAndTheWriterKeepsNoOnesIdentity() {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("frontdesk", null));
        try {
            assertThat(commits.commit(kind, this::signedIn)).isEqualTo("frontdesk");
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(commits.commit(kind, this::signedIn)).isEqualTo("nobody");
    }

    @Test
    void insideACallersTransactionTheWriteJoinsIt() {
        String caller = Thread.currentThread().getName();
        String writer = tx.execute(s -> commits.commit(kind, () -> Thread.currentThread().getName()));
        assertThat(writer).isEqualTo(caller);
    }

    private String signedIn() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "nobody" : auth.getName();
    }

    /** Counts each transaction once, however many writes it holds. */
    private void countTransaction() {
        if (!TransactionSynchronizationManager.hasResource(transactions)) {
            TransactionSynchronizationManager.bindResource(transactions, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResource(transactions);
                    transactions.incrementAndGet();
                }
            });
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
