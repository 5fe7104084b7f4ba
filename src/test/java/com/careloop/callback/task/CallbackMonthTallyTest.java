package com.careloop.callback.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.careloop.callback.CallbackViews.GroupBy;
import com.careloop.callback.CallbackViews.StatsRow;
import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The callback statistics read from the month tally (V198, PostgreSQL) for a period's whole months and counted from
 * the tasks for its partial months are the statistics counted from the tasks, by plan, agent and month, for whole
 * years, month-aligned periods, periods starting and ending mid-month and single days; after single and bulk inserts,
 * tasks done, tried, re-assigned, re-planned to another month, cancelled and deleted, before and after a fold and
 * after a rebuild. On H2 the statistics count the tasks and the same comparison runs. The tasks lie in 2033, where no
 * other test plans any.
 */
class CallbackMonthTallyTest extends ApiTestBase {

    static final LocalDate START = LocalDate.of(2033, 1, 1);
    static final int DAYS = 300;
    static final List<String> AGENTS = java.util.Arrays.asList("回访员甲", "回访员乙", "Agent C", null);
    static final List<String> SATISFACTIONS = java.util.Arrays.asList("VERY_SATISFIED", "SATISFIED", "NEUTRAL",
            "DISSATISFIED", null);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    CallbackStatistics statistics;
    @Autowired
    CallbackMonthTally tally;

    private final String prefix = "CMT" + System.nanoTime() % 1_000_000_000L + "-";

    @AfterEach
    void removeTheTestsTasks() {
        jdbc.sql("delete from callback_task where code like :p").param("p", prefix + "%").update();
    }

    @Test
    void theTallyGivesTheCountedStatisticsForEveryPeriod() {
        long plan = jdbc.sql("select min(id) from callback_plan").query(Long.class).single();
        String kind = jdbc.sql("select kind from callback_plan where id = :id").param("id", plan).query(String.class)
                .single();
        Random random = new Random(198);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            codes.add(prefix + i);
            insert(codes.get(i), plan, kind, START.plusDays(random.nextInt(DAYS)), random);
        }
        // one statement of many tasks over many months (a statement trigger adds them per group)
        StringBuilder rows = new StringBuilder();
        for (int g = 0; g < 280; g++) {
            String d = "'" + START.plusDays(g) + "'";
            rows.append(g == 0 ? "" : ",").append("(:p || 'B").append(g).append("', :plan, :kind, 1, 'tally', date ")
                    .append(d).append(", date ").append(d).append(", ").append(g % 3 == 0 ? "'回访员甲'" : "null")
                    .append(", 'PHONE', '").append(g % 4 == 0 ? "DONE" : "OPEN").append("', ").append(g % 2)
                    .append(", 3, ").append(g % 4 == 0 ? "'SATISFIED'" : "null").append(", current_timestamp, 'test')");
        }
        jdbc.sql("insert into callback_task (code, plan_id, plan_kind, plan_revision, customer_name, planned_due,"
                        + " due_date, assignee_name, method, status, attempts, max_attempts, satisfaction, created_at,"
                        + " created_by) values " + rows)
                .param("p", prefix).param("plan", plan).param("kind", kind).update();
        assertSameAsCounted();
        tally.fold();
        assertSameAsCounted();

        for (int step = 0; step < 200; step++) {
            String code = codes.get(random.nextInt(codes.size()));
            switch (random.nextInt(6)) {
                case 0 -> jdbc.sql("update callback_task set status = 'DONE', attempts = attempts + 1,"
                                + " satisfaction = :s where code = :c")
                        .param("s", SATISFACTIONS.get(random.nextInt(SATISFACTIONS.size()))).param("c", code).update();
                case 1 -> jdbc.sql("update callback_task set attempts = attempts + 1,"
                        + " status = case when attempts + 1 >= max_attempts then 'UNREACHABLE' else status end"
                        + " where code = :c").param("c", code).update();
                case 2 -> jdbc.sql("update callback_task set assignee_name = :a where code = :c")
                        .param("a", AGENTS.get(random.nextInt(AGENTS.size()))).param("c", code).update();
                case 3 -> jdbc.sql("update callback_task set planned_due = :d where code = :c")
                        .param("d", START.plusDays(random.nextInt(DAYS))).param("c", code).update();
                case 4 -> jdbc.sql("update callback_task set status = 'CANCELLED' where code = :c").param("c", code)
                        .update();
                default -> jdbc.sql("update callback_task set notes = 'noted' where code = :c").param("c", code)
                        .update();
            }
        }
        jdbc.sql("delete from callback_task where code = :c").param("c", codes.remove(7)).update();
        // a bulk delete: a third of the bulk's tasks
        jdbc.sql("delete from callback_task where code like :p and mod(id, 3) = 0").param("p", prefix + "B%").update();
        assertSameAsCounted();
        tally.fold();
        assertSameAsCounted();
        if (tally.kept()) {
            assertThat(jdbc.sql("select count(*) from callback_month_tally where not folded").query(Long.class)
                    .single()).isZero();
            assertThat(tally.rebuild()).isPositive();
            assertSameAsCounted();
        }
    }

    private void assertSameAsCounted() {
        List<LocalDate[]> periods = new ArrayList<>();
        periods.add(new LocalDate[] {LocalDate.of(2033, 1, 1), LocalDate.of(2033, 12, 31)});
        periods.add(new LocalDate[] {LocalDate.of(2032, 12, 1), LocalDate.of(2034, 1, 31)});
        for (int m = 1; m <= 11; m += 2) {
            LocalDate first = LocalDate.of(2033, m, 1);
            periods.add(new LocalDate[] {first, first.plusMonths(1).minusDays(1)});
            periods.add(new LocalDate[] {first, first.plusMonths(3).minusDays(1)});
            periods.add(new LocalDate[] {first.plusDays(9), first.plusMonths(2).plusDays(4)});
            periods.add(new LocalDate[] {first.plusDays(14), first.plusMonths(1).minusDays(1)});
            periods.add(new LocalDate[] {first, first.plusMonths(1).plusDays(13)});
            periods.add(new LocalDate[] {first.plusDays(3), first.plusDays(20)});
            periods.add(new LocalDate[] {first.plusDays(5), first.plusDays(5)});
        }
        int rows = 0;
        for (LocalDate[] p : periods) {
            for (GroupBy by : GroupBy.values()) {
                List<StatsRow> read = statistics.statistics(by, p[0], p[1]);
                assertThat(read).as("by %s from %s to %s", by, p[0], p[1])
                        .isEqualTo(CallbackStatistics.compute(statistics.counted(p[0], p[1]), by));
                rows += read.size();
            }
        }
        // the whole year's total holds every task of this test that is not cancelled (and no other test's)
        assertThat(statistics.statistics(GroupBy.PLAN, START, START.plusDays(DAYS)).get(0).due())
                .isEqualTo(jdbc.sql("select count(*) from callback_task where code like :p and status <> 'CANCELLED'")
                        .param("p", prefix + "%").query(Long.class).single()).isGreaterThan(300);
        assertThat(rows).isGreaterThan(300);
    }

    private void insert(String code, long plan, String kind, LocalDate planned, Random random) {
        boolean done = random.nextInt(3) == 0;
        jdbc.sql("""
                insert into callback_task (code, plan_id, plan_kind, plan_revision, customer_name, planned_due, due_date,
                  assignee_name, method, status, attempts, max_attempts, satisfaction, created_at, created_by)
                values (:code, :plan, :kind, 1, 'tally', :planned, :planned, :agent, 'PHONE', :status, :attempts, 3,
                  :satisfaction, current_timestamp, 'test')""")
                .param("code", code).param("plan", plan).param("kind", kind).param("planned", planned)
                .param("agent", AGENTS.get(random.nextInt(AGENTS.size()))).param("status", done ? "DONE" : "OPEN")
                .param("attempts", done ? 1 : random.nextInt(2))
                .param("satisfaction", done ? SATISFACTIONS.get(random.nextInt(SATISFACTIONS.size())) : null).update();
    }
}
