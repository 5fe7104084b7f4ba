package com.careloop.complaint.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.careloop.complaint.stats.StatsFixture.Row;
import com.careloop.platform.DataScope;
import com.careloop.support.ApiTestBase;
import com.careloop.support.TestDatabases;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rollup without a marker (V194, ADR 0037) gives exactly the answers of the raw complaints over a generated
 * history of 2008 (no other test's year): after each step, every statistics answer (five periods — the year, whole
 * and partial months at both ends — six groupings, all complaints and a department's) and the annual summary, as the
 * rollup has them, equal the answers with nothing rolled up ({@link ComplaintStatsRollup#forget} in a transaction
 * that is rolled back: every complaint counted from its row). Steps: complaints received (a quarter open), a rollup;
 * open ones closed by SQL with a close time before the rollup's (what a marker-free rule on times alone would miss);
 * late complaints received after the rollup with an old receipt time, closed and open; an open complaint edited; a
 * rolled-up complaint corrected (then its year forgotten, as docs/complaint-statistics.md says); a rolled-up complaint
 * opened again. On PostgreSQL no rollup run writes a complaint row (xmin unchanged). H2 by default, PostgreSQL with
 * {@code -Dcareloop.test.db=postgres}.
 */
class ComplaintStatsRollupHistoryApiTest extends ApiTestBase {

    static final String PREFIX = "H08-";
    static final int YEAR = 2008;
    static final String[][] PERIODS = {{"2008-01-01", "2008-12-31"}, {"2008-02-10", "2008-05-20"},
            {"2008-03-01", "2008-03-31"}, {"2008-06-03", "2008-06-27"}, {"2008-01-06", "2008-11-28"}};
    static final String[] CATEGORIES = {"PRODUCT_QUALITY", "DELIVERY_LOGISTICS", "PRICE_FEES", "STAFF_ATTITUDE", null};
    static final String[] CAUSES = {"PROCESS", "RAW_MATERIAL", "EQUIPMENT", "OTHER", null};
    static final String[] DEPARTMENTS = {"ENG", "PROD", null};

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ComplaintStatsRollup rollup;
    @Autowired
    ComplaintStatsService stats;
    @Autowired
    TransactionTemplate transactions;

    private final Random random = new Random(2008);
    private int sequence;

    @Test
    void theRolledUpAnswersEqualTheRawOnesThroughAHistoryOfClosesLateComplaintsEditsAndReopens() {
        jdbc.sql("delete from complaint_stats_pending where complaint_id in (select id from complaint where code like :p)")
                .param("p", PREFIX + "%").update();
        jdbc.sql("update complaint set repeat_of_id = null where code like :p").param("p", PREFIX + "%").update();
        jdbc.sql("delete from complaint where code like :p").param("p", PREFIX + "%").update();
        rollup.forget(YEAR);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            ids.add(receive(random.nextInt(4) == 0 ? null : closeAfter(), ids));
        }
        check("received, nothing rolled up");
        roll("first rollup");
        assertThat(inRollup()).isEqualTo(count("closed_at is not null")).isPositive();

        // open complaints closed (by SQL) with a close time long before the rollup ran: still counted from their rows
        List<Long> open = jdbc.sql("select id from complaint where code like :p and closed_at is null order by id")
                .param("p", PREFIX + "%").query(Long.class).list();
        for (long id : open.subList(0, open.size() / 2)) {
            jdbc.sql("update complaint set status = 'CLOSED', closed_at = received_at + interval '3' day where id = :id")
                    .param("id", id).update();
        }
        check("open ones closed with an old close time");
        roll("closes rolled up");

        // late complaints: received after the rollup, with a receipt time in 2008, closed or open
        for (int i = 0; i < 12; i++) {
            ids.add(receive(i % 3 == 0 ? null : closeAfter(), ids));
        }
        check("late complaints");
        roll("late complaints rolled up");

        // an open complaint edited: counted from its row, whatever it says
        long stillOpen = jdbc.sql("select min(id) from complaint where code like :p and closed_at is null")
                .param("p", PREFIX + "%").query(Long.class).single();
        jdbc.sql("update complaint set category = 'PRICE_FEES', severity = 'MAJOR', cause_category = 'EQUIPMENT'"
                + " where id = :id").param("id", stillOpen).update();
        check("an open complaint edited");

        // a rolled-up complaint corrected by SQL: its year forgotten, then rolled up again
        long rolled = jdbc.sql("select min(c.id) from complaint c where c.code like :p and " + ComplaintStatsRollup.IN_ROLLUP)
                .param("p", PREFIX + "%").query(Long.class).single();
        jdbc.sql("update complaint set category = 'DELIVERY_LOGISTICS', department_id = null where id = :id")
                .param("id", rolled).update();
        rollup.forget(YEAR);
        check("a rolled-up complaint corrected, its year forgotten");
        roll("the corrected year rolled up again");

        // a rolled-up complaint opened again (no step does it; SQL could): the next run takes it out
        long reopened = jdbc.sql("select max(c.id) from complaint c where c.code like :p and " + ComplaintStatsRollup.IN_ROLLUP)
                .param("p", PREFIX + "%").query(Long.class).single();
        jdbc.sql("update complaint set status = 'ACTION_TAKEN', closed_at = null where id = :id").param("id", reopened)
                .update();
        roll("a rolled-up complaint opened again");
        assertThat(inRollup()).isEqualTo(count("closed_at is not null"));
    }

    /** One complaint of 2008 (random fields, a repeat of an earlier one now and then); null: open. */
    private long receive(Duration closeAfter, List<Long> earlier) {
        int n = ++sequence;
        LocalDate day = LocalDate.of(YEAR, 1, 1).plusDays(random.nextInt(366));
        OffsetDateTime received = day.atTime(random.nextInt(24), random.nextInt(60)).atOffset(ComplaintStatsRollupApiTest
                .ZONE.getRules().getOffset(day.atStartOfDay()));
        Long repeatOf = !earlier.isEmpty() && random.nextInt(6) == 0 ? earlier.get(random.nextInt(earlier.size())) : null;
        Integer ack = random.nextInt(5) == 0 ? null : 1 + random.nextInt(40);
        Integer reply = ack == null ? null : 10 + random.nextInt(90);
        return StatsFixture.insert(jdbc, new Row(PREFIX + n, received.toInstant(), 920_000 + random.nextInt(7),
                CATEGORIES[random.nextInt(CATEGORIES.length)], random.nextBoolean() ? "MAJOR" : "GENERAL",
                CAUSES[random.nextInt(CAUSES.length)], DEPARTMENTS[random.nextInt(DEPARTMENTS.length)],
                "H08-" + (char) ('A' + random.nextInt(4)), repeatOf, ack, reply, closeAfter,
                random.nextInt(4) == 0 ? "depthead" : "complaints"));
    }

    private Duration closeAfter() {
        return Duration.ofMinutes(30 + random.nextInt(60 * 24 * 12));
    }

    /** Runs the rollup, checks it wrote no complaint row (PostgreSQL) and that the answers are still the raw ones. */
    private void roll(String step) {
        Map<Long, Long> before = versions();
        rollup.rollup(Instant.now());
        assertThat(versions()).as(step + ": complaint rows written by the rollup").isEqualTo(before);
        check(step);
    }

    /** The answers as the rollup has them equal those with every complaint counted from its row. */
    private void check(String step) {
        Map<String, Object> asRolled = answers(false);
        Map<String, Object> raw = transactions.execute(tx -> {
            rollup.forget(YEAR);
            tx.setRollbackOnly();
            return answers(true);
        });
        assertThat(raw).isNotNull();
        assertThat(asRolled.keySet()).isEqualTo(raw.keySet());
        asRolled.forEach((k, v) -> assertThat(v).as(step + ": " + k).isEqualTo(raw.get(k)));
    }

    /**
     * Every answer of 2008. {@code oneTransaction}: all in the caller's transaction, a write between two answers
     * (H2 reuses a subquery's last result within a session while the database is unchanged: the second period's
     * answer was the first's).
     */
    private Map<String, Object> answers(boolean oneTransaction) {
        long eng = jdbc.sql("select id from department where code = 'ENG'").query(Long.class).single();
        long head = jdbc.sql("select id from app_user where username = 'depthead'").query(Long.class).single();
        Map<String, DataScope> scopes = Map.of("all", new DataScope(DataScope.Kind.ALL, Set.of(), 0),
                "ENG", new DataScope(DataScope.Kind.DEPARTMENT, Set.of(eng), head));
        Map<String, Object> all = new LinkedHashMap<>();
        scopes.forEach((name, scope) -> {
            for (String[] p : PERIODS) {
                for (StatsGroup g : StatsGroup.values()) {
                    if (oneTransaction) {
                        jdbc.sql("update complaint_stats_state set rolled_at = rolled_at where id = 1").update();
                    }
                    all.put(name + " " + p[0] + ".." + p[1] + " " + g,
                            stats.statistics(LocalDate.parse(p[0]), LocalDate.parse(p[1]), g, scope));
                }
            }
            if (oneTransaction) {
                jdbc.sql("update complaint_stats_state set rolled_at = rolled_at where id = 1").update();
            }
            all.put(name + " annual", stats.annual(YEAR, scope));
        });
        return all;
    }

    private long inRollup() {
        return jdbc.sql("select count(*) from complaint c where c.code like :p and " + ComplaintStatsRollup.IN_ROLLUP)
                .param("p", PREFIX + "%").query(Long.class).single();
    }

    private long count(String condition) {
        return jdbc.sql("select count(*) from complaint where code like :p and " + condition).param("p", PREFIX + "%")
                .query(Long.class).single();
    }

    /** Each complaint's row version on PostgreSQL (xmin changes with every write of the row); empty on H2. */
    private Map<Long, Long> versions() {
        Map<Long, Long> v = new LinkedHashMap<>();
        if (TestDatabases.onPostgres()) {
            jdbc.sql("select id, cast(cast(xmin as text) as bigint) from complaint where code like :p order by id")
                    .param("p", PREFIX + "%").query(rs -> {
                        v.put(rs.getLong(1), rs.getLong(2));
                    });
        }
        return v;
    }
}
