package com.careloop.servicedesk.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The open-request tally (V160, PostgreSQL) equals a direct count of the open requests per group after inserts,
 * moves between groups, closes, re-opens and deletes, also when four writers and the fold run at the same time; the
 * queue counters served from it equal the direct count.
 */
@EnabledIfSystemProperty(named = "careloop.test.db", matches = "postgres")
class OpenRequestTallyTest extends ApiTestBase {

    private static final String[] OPEN = {"REGISTERED", "DISPATCHED", "IN_PROGRESS", "PAUSED"};

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OpenRequestTally tally;

    /** This test's requests (raw rows, some CLOSED without a close time): gone afterwards, or later tests of the same
     * database count them in their queues and figures. */
    private final String prefix = "TLY" + System.nanoTime() % 1_000_000_000L + "-";

    @org.junit.jupiter.api.AfterEach
    void removeTheTestsRequests() {
        jdbc.sql("delete from service_request where code like :p").param("p", prefix + "%").update();
    }

    @Test
    void tallyEqualsDirectCountUnderConcurrentWritesAndFolds() throws Exception {
        List<Long> departments = jdbc.sql("select id from department order by id").query(Long.class).list();
        List<Long> users = jdbc.sql("select id from app_user order by id").query(Long.class).list();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(insert(prefix + i, departments.get(i % departments.size()), i % 3 == 0 ? null : users.get(i % users.size()),
                    i % 5 == 0));
        }
        assertThat(tallied()).isEqualTo(direct());

        // four writers move, close, re-open and delete requests while the fold runs again and again
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int seed = w;
            writers.add(pool.submit(() -> {
                Random random = new Random(seed);
                for (int k = 0; k < 150; k++) {
                    long id = ids.get(random.nextInt(ids.size()));
                    switch (random.nextInt(5)) {
                        case 0 -> jdbc.sql("update service_request set status = :s where id = :id")
                                .param("s", OPEN[random.nextInt(OPEN.length)]).param("id", id).update();
                        case 1 -> jdbc.sql("update service_request set department_id = :d where id = :id")
                                .param("d", departments.get(random.nextInt(departments.size()))).param("id", id).update();
                        case 2 -> jdbc.sql("update service_request set assignee_id = :a, status = 'DISPATCHED' where id = :id")
                                .param("a", users.get(random.nextInt(users.size()))).param("id", id).update();
                        case 3 -> jdbc.sql("update service_request set status = 'CLOSED' where id = :id").param("id", id)
                                .update();
                        default -> jdbc.sql("update service_request set title = title || '.' where id = :id")
                                .param("id", id).update();
                    }
                }
            }));
        }
        Future<?> folding = pool.submit(() -> {
            while (writing.get()) {
                tally.fold();
            }
        });
        for (Future<?> writer : writers) {
            writer.get();
        }
        writing.set(false);
        folding.get();
        pool.shutdown();
        jdbc.sql("delete from service_request where id = :id").param("id", ids.get(0)).update();
        jdbc.sql("update service_request set status = 'IN_PROGRESS' where id = :id").param("id", ids.get(1)).update();

        assertThat(tallied()).isEqualTo(direct());
        tally.fold();
        assertThat(tallied()).isEqualTo(direct());
        assertThat(jdbc.sql("select count(*) from service_request_open_tally").query(Long.class).single())
                .isEqualTo(direct().size());
        jdbc.sql("insert into service_request_open_tally (status, key_customer, delta) values ('REGISTERED', false, 7)")
                .update();
        assertThat(tallied()).isNotEqualTo(direct());
        tally.rebuild();
        assertThat(tallied()).isEqualTo(direct());

        // the counters served from the tally are the direct count (admin: every request)
        var counts = get("/api/v1/service-requests/counts", tokenFor("admin")).json();
        assertThat(counts.get("open").asLong()).isEqualTo(count("status <> 'CLOSED'"));
        assertThat(counts.get("unassigned").asLong()).isEqualTo(count("status = 'REGISTERED'"));
        assertThat(counts.get("paused").asLong()).isEqualTo(count("status = 'PAUSED'"));
        assertThat(counts.get("keyCustomers").asLong()).isEqualTo(count("status <> 'CLOSED' and key_customer"));
    }

    private long insert(String code, Long department, Long assignee, boolean key) {
        return jdbc.sql("""
                insert into service_request (code, key_customer, request_type, title, channel, priority, status,
                  department_id, assignee_id, registered_by_name, registered_at, response_amount, response_unit,
                  response_due_at, response_warn_at, created_at, updated_at)
                values (:code, :key, 'REPAIR', 'tally', 'PHONE', 'NORMAL', :status, :department, :assignee, 'test',
                  now(), 4, 'CALENDAR_HOURS', now() + interval '4 hours', now() + interval '3 hours', now(), now())
                returning id""").param("code", code).param("key", key)
                .param("status", assignee == null ? "REGISTERED" : "DISPATCHED").param("department", department)
                .param("assignee", assignee).query(Long.class).single();
    }

    private long count(String where) {
        return jdbc.sql("select count(*) from service_request where " + where).query(Long.class).single();
    }

    private Map<String, Long> tallied() {
        return groups("select status, department_id, assignee_id, registered_by, key_customer, n from "
                + OpenRequestTally.GROUPS);
    }

    private Map<String, Long> direct() {
        return groups("""
                select status, department_id, assignee_id, registered_by, key_customer, count(*) from service_request
                where status <> 'CLOSED' group by status, department_id, assignee_id, registered_by, key_customer""");
    }

    private Map<String, Long> groups(String sql) {
        Map<String, Long> groups = new TreeMap<>();
        jdbc.sql(sql).query(rs -> {
            groups.put(rs.getString(1) + "/" + rs.getObject(2) + "/" + rs.getObject(3) + "/" + rs.getObject(4) + "/"
                    + rs.getBoolean(5), rs.getLong(6));
        });
        return groups;
    }
}
