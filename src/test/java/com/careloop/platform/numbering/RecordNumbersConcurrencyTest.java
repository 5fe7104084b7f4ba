package com.careloop.platform.numbering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import com.careloop.platform.RecordNumbers;
import com.careloop.support.ApiTestBase;
import com.careloop.support.TestDatabases;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Gap-free and never duplicated, under 16 concurrent threads (on PostgreSQL in the postgres run). */
class RecordNumbersConcurrencyTest extends ApiTestBase {

    @Autowired
    RecordNumbers numbers;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void sixteenThreadsDrawDistinctGapFreeNumbers() throws Exception {
        String type = "concurrency-" + System.nanoTime();
        tx.executeWithoutResult(s -> numbers.define(type, "TS", 6, "test"));
        int threads = 16;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                start.await();
                List<String> drawn = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    drawn.add(tx.execute(s -> numbers.next(type)));
                }
                return drawn;
            }));
        }
        start.countDown();
        List<String> all = Collections.synchronizedList(new ArrayList<>());
        for (Future<List<String>> f : futures) {
            all.addAll(f.get(2, TimeUnit.MINUTES));
        }
        pool.shutdown();

        int year = Integer.parseInt(all.get(0).substring(2, 6));
        Set<String> expected = LongStream.rangeClosed(1, threads * perThread)
                .mapToObj(n -> RecordNumbers.format("TS", 6, year, n)).collect(Collectors.toCollection(TreeSet::new));
        assertThat(all).hasSize(threads * perThread).doesNotHaveDuplicates();
        assertThat(new TreeSet<>(all)).isEqualTo(expected);
        System.out.println("Drew " + all.size() + " numbers on " + (TestDatabases.onPostgres() ? "PostgreSQL" : "H2"));
    }

    @Test
    void aRolledBackRecordGivesItsNumberBack() {
        String type = "rollback-" + System.nanoTime();
        tx.executeWithoutResult(s -> numbers.define(type, "CA", 4, "test"));
        assertThat(draw(type)).endsWith("-0001");
        tx.executeWithoutResult(s -> {
            numbers.next(type);
            s.setRollbackOnly();
        });
        assertThat(draw(type)).endsWith("-0002");
    }

    @Test
    void aTransactionIssuingManyNumbersWritesTheCounterOnceAtCommitAndARollbackGivesAllBack() {
        String type = "many-" + System.nanoTime();
        tx.executeWithoutResult(s -> numbers.define(type, "MN", 4, "test"));
        List<String> drawn = tx.execute(s -> {
            List<String> in = new ArrayList<>(List.of(numbers.next(type), numbers.next(type)));
            in.addAll(numbers.next(type, 2));
            // counted in memory until the commit: the row still says 0 inside the transaction
            assertThat(counter(type)).isZero();
            return in;
        });
        assertThat(drawn).extracting(n -> n.substring(n.length() - 4)).containsExactly("0001", "0002", "0003", "0004");
        assertThat(counter(type)).isEqualTo(4);
        tx.executeWithoutResult(s -> {
            numbers.next(type, 3);
            s.setRollbackOnly();
        });
        assertThat(counter(type)).isEqualTo(4);
        assertThat(draw(type)).endsWith("-0005");
    }

    private long counter(String type) {
        return jdbc.sql("select last_value from record_number_sequence where record_type = :t").param("t", type)
                .query(Long.class).single();
    }

    private String draw(String type) {
        return tx.execute(s -> numbers.next(type));
    }

    @Test
    void formatFollowsTheFormCode() {
        assertThat(RecordNumbers.format("TS", 6, 2026, 123)).isEqualTo("TS2026-000123");
    }

    @Test
    void anAdministratorChangesAPrefixAndTheSequenceContinues() {
        String type = "prefix-" + System.nanoTime();
        tx.executeWithoutResult(s -> numbers.define(type, "OLD", 6, "test"));
        tx.execute(s -> numbers.next(type));
        var rule = numbers.rules().stream().filter(r -> r.recordType().equals(type)).findFirst().orElseThrow();
        Response r = put("/api/v1/record-number-rules/" + type, tokenFor("admin"),
                j("{'prefix':'NEW','width':6,'version':" + rule.version() + "}"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(draw(type)).startsWith("NEW").endsWith("-000002");
        Response stale = put("/api/v1/record-number-rules/" + type, tokenFor("admin"),
                j("{'prefix':'X','width':6,'version':" + rule.version() + "}"));
        assertThat(stale.status()).isEqualTo(409);
        Response bad = put("/api/v1/record-number-rules/" + type, tokenFor("admin"), j("{'prefix':'有 空格','width':2,'version':1}"));
        assertThat(bad.status()).isEqualTo(422);
    }
}
