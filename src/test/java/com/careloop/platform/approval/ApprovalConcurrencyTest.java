package com.careloop.platform.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import com.careloop.platform.ApprovalSubject;
import com.careloop.platform.Approvals;
import com.careloop.platform.Text;
import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Concurrent decisions on one approval (H2 and PostgreSQL): two approvers deciding different tasks of a 会签 at the
 * same moment both succeed and the approval completes exactly once; two decisions of the same task at the same moment
 * give one success and one 409.
 */
class ApprovalConcurrencyTest extends ApiTestBase {

    private static final String TASKS = "/api/v1/approvals/tasks";
    private static final int ROUNDS = 6;

    @Autowired
    Approvals approvals;
    @Autowired
    JdbcClient jdbc;

    private String chain(String stages) {
        String code = "test." + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("insert into approval_chain (code, name_code, stages, version, updated_at) values (:c, :c, :s, 0, :at)")
                .param("c", code).param("s", stages).param("at", Timestamp.from(Instant.now())).update();
        return code;
    }

    private long start(String chainCode) {
        long subjectId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
        approvals.start(new ApprovalSubject("test", subjectId, "C-" + subjectId, Text.literal("并发 " + subjectId),
                "/test/" + subjectId, null), chainCode, null);
        return subjectId;
    }

    private long task(String user, long subjectId) {
        return get(TASKS + "?mine", tokenFor(user)).json().valueStream()
                .filter(t -> t.get("subjectId").asLong() == subjectId).findFirst().map(t -> t.get("id").asLong())
                .orElseThrow();
    }

    /** Both requests leave together (a barrier) and their statuses come back in order. */
    private List<Integer> atOnce(String userA, long taskA, String userB, long taskB) throws Exception {
        String tokenA = tokenFor(userA);
        String tokenB = tokenFor(userB);
        CyclicBarrier barrier = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Response> a = pool.submit(() -> {
                barrier.await();
                return post(TASKS + "/" + taskA + "/decision", tokenA, j("{'decision':'APPROVE'}"));
            });
            Future<Response> b = pool.submit(() -> {
                barrier.await();
                return post(TASKS + "/" + taskB + "/decision", tokenB, j("{'decision':'APPROVE'}"));
            });
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> f : List.of(a, b)) {
                Response r = f.get();
                assertThat(r.status()).as(r.body()).isIn(200, 409);
                statuses.add(r.status());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private long completions(long subjectId) {
        return jdbc.sql("""
                select count(*) from audit_event e join approval a on e.record_id = cast(a.id as varchar)
                where e.record_type = 'approval' and a.subject_type = 'test' and a.subject_id = :s
                and e.changes like '%"status"%' and e.changes like '%APPROVED%'""").param("s", subjectId)
                .query(Long.class).single();
    }

    @Test
    void twoApproversDecidingDifferentTasksAtOnceBothSucceedAndTheApprovalCompletesOnce() throws Exception {
        String code = chain("""
                [{"mode":"ALL_OF","steps":[{"kind":"USER","ref":"manager","deadlineDays":1},
                                           {"kind":"USER","ref":"supervisor","deadlineDays":1}]}]""");
        for (int round = 0; round < ROUNDS; round++) {
            long subject = start(code);
            long managerTask = task("manager", subject);
            long supervisorTask = task("supervisor", subject);
            assertThat(atOnce("manager", managerTask, "supervisor", supervisorTask)).as("round " + round)
                    .containsExactly(200, 200);
            assertThat(jdbc.sql("select status from approval where subject_type = 'test' and subject_id = :s")
                    .param("s", subject).query(String.class).single()).isEqualTo("APPROVED");
            assertThat(approvals.trail("test", subject)).extracting(e -> e.decision() == null ? "-" : e.decision().name())
                    .containsExactly("APPROVE", "APPROVE");
            assertThat(completions(subject)).as("completed once").isEqualTo(1);
        }
    }

    @Test
    void theSameTaskDecidedTwiceAtOnceGivesOneSuccessAndOne409() throws Exception {
        String code = chain("""
                [{"mode":"ALL_OF","steps":[{"kind":"USER","ref":"manager","deadlineDays":1},
                                           {"kind":"USER","ref":"supervisor","deadlineDays":1}]}]""");
        for (int round = 0; round < ROUNDS; round++) {
            long subject = start(code);
            long managerTask = task("manager", subject);
            List<Integer> statuses = atOnce("manager", managerTask, "manager", managerTask);
            assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(200, 409);
            assertThat(jdbc.sql("select status from approval where subject_type = 'test' and subject_id = :s")
                    .param("s", subject).query(String.class).single()).isEqualTo("OPEN");
            JsonNode mine = get(TASKS + "?mine", tokenFor("supervisor")).json();
            assertThat(mine.valueStream().anyMatch(t -> t.get("subjectId").asLong() == subject)).isTrue();
        }
    }
}
