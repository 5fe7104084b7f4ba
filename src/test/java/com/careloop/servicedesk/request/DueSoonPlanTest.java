package com.careloop.servicedesk.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The due-soon tab and the time-dependent counters read only the requests past a warning through the partial index
 * of V161, not a walk of every request nor of every running target (PostgreSQL plans over
 * 20,000 closed and 20,000 open requests whose warnings lie ahead, loaded in a transaction that is rolled back,
 * statistics included).
 */
@EnabledIfSystemProperty(named = "careloop.test.db", matches = "postgres")
class DueSoonPlanTest extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void dueSoonTabAndCountersUseTheWarningIndexes() {
        transactions.executeWithoutResult(tx -> {
            load();
            String tab = plan("select r.id from service_request r where 1=1 and " + ServiceRequestQueries.DUE_SOON
                    + " and " + ServiceRequestQueries.RUNNING_WARNING + " <= :now order by r.id desc limit 51");
            assertThat(tab).contains("ix_sr_running_warn").contains("Index Cond").doesNotContain("Seq Scan")
                    .doesNotContain("Index Scan Backward");

            String counters = plan("select count(*) from service_request r where "
                    + ServiceRequestQueries.PAST_WARNING_OR_DEADLINE);
            assertThat(counters).contains("ix_sr_running_warn").contains("Index Cond").doesNotContain("Seq Scan");
            tx.setRollbackOnly();
        });
    }

    /**
     * Every branch of the SLA scan reads a range of an index of the running clocks, not every open request (the two
     * warning branches: 9–17 s at 3 M before V161).
     */
    @Test
    void theSlaScanReadsOnlyTheRequestsPastAWarning() {
        transactions.executeWithoutResult(tx -> {
            load();
            String scan = plan(SlaScan.scanSql(true).replace(":late", ":now"));
            // all six branches (warning, breach, escalation of either clock) a range of an index of the running clocks
            // (V161's earliest warning, V16's running deadlines); without the earliest warning in every branch the
            // planner, misled by the deadline columns' statistics (the closed requests' long-past deadlines), read
            // whole indexes of the open requests for the breach branches; V189 dropped every request's deadlines
            List<String> lines = List.of(scan.split("\n"));
            long ranges = java.util.stream.IntStream.range(0, lines.size() - 1).filter(i -> lines.get(i).matches(
                    ".*(Index Scan using|Bitmap Index Scan on) ix_sr_(running_warn|response_overdue|completion_overdue) .*")
                    && lines.get(i + 1).contains("Index Cond")).count();
            assertThat(ranges).as(scan).isEqualTo(6);
            assertThat(scan).as(scan).contains("ix_sr_running_warn").doesNotContain("ix_sr_open_counts")
                    .doesNotContainPattern("Seq Scan on service_request(?!_)");
            tx.setRollbackOnly();
        });
    }

    private void load() {
        // closed, and open with their warnings ahead: neither due soon nor overdue
        jdbc.sql("""
                insert into service_request (code, request_type, title, channel, priority, status,
                  registered_by_name, registered_at, response_amount, response_unit, response_due_at,
                  response_warn_at, completion_due_at, completion_warn_at, created_at, updated_at)
                select 'PLANO' || g, 'REPAIR', 'plan', 'PHONE', 'NORMAL', 'IN_PROGRESS', 'test', now(), 4,
                  'CALENDAR_HOURS', now() + interval '2 days', now() + interval '1 day', now() + interval '2 days',
                  now() + interval '1 day', now(), now()
                from generate_series(1, 20000) g""").update();
        jdbc.sql("""
                insert into service_request (code, request_type, title, channel, priority, status,
                  registered_by_name, registered_at, responded_at, completed_at, closed_at, response_amount,
                  response_unit, response_due_at, response_warn_at, completion_due_at, completion_warn_at,
                  created_at, updated_at)
                select 'PLAN' || g, 'REPAIR', 'plan', 'PHONE', 'NORMAL', 'CLOSED', 'test', now(), now(), now(), now(),
                  4, 'CALENDAR_HOURS', now() - interval '1 day', now() - interval '2 days', now() - interval '1 day',
                  now() - interval '2 days', now(), now()
                from generate_series(1, 20000) g""").update();
        jdbc.sql("analyze service_request").update();
    }

    private String plan(String sql) {
        List<String> lines = jdbc.sql("explain " + sql).param("now", Timestamp.from(Instant.now())).query(String.class)
                .list();
        return String.join("\n", lines);
    }
}
