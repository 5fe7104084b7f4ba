package com.careloop.property;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.careloop.platform.CurrentUsers;
import com.careloop.platform.DataScope;
import com.careloop.platform.SignedInAs;
import com.careloop.support.ApiTestBase;
import com.careloop.support.RowsRead;
import com.careloop.support.TestDatabases;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sample register filtered by status reads a page, not every sample in the status (PostgreSQL; rows read, not
 * timings). PropertyBench: {@code status=SENT} as a department head collected the 4,000 sent samples of the scope and
 * probed each one's round before sorting by the round's id (20,012 buffers, p95 80 ms), because the data-scope "or"
 * over four department columns made the planner expect a few hundred rows. Since V184 the status filter keys the
 * page by the sample's {@code current_round_id} and walks {@code (status, current_round_id)} newest first. Rows read
 * are PostgreSQL's own counters of this transaction ({@code pg_stat_xact_user_tables}, as PropertySearchPlanTest).
 */
class SampleSearchPlanTest extends ApiTestBase {

    static final int SAMPLES = 60_000;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    SignedInAs signedIn;
    @Autowired
    Samples samples;
    @Autowired
    CurrentUsers users;

    long rowsRead() {
        return RowsRead.of(jdbc, "sample", "sample_round");
    }

    long department(String code) {
        return jdbc.sql("select id from department where code = :c").param("c", code).query(Long.class).single();
    }

    /**
     * {@link #SAMPLES} samples as PropertyBench seeds them: every 50th SENT, every 7th APPROVED, the rest SEALED; every
     * 10th (so every sent one) checked by quality department {@code ENG} (the department head's), the others by QA. One
     * dispatched round each; the 20 oldest sent samples were rejected once and are on round 2, whose rounds are the
     * newest of all (an old sample's current round sorts first).
     */
    void seed(String prefix) {
        long customer = jdbc.sql("select min(id) from customer").query(Long.class).single();
        long gm = jdbc.sql("select id from app_user where username = 'gm'").query(Long.class).single();
        jdbc.sql("""
                insert into sample (code, customer_id, customer_name, item_name, spec, quantity, unit, required_on,
                  salesperson_id, salesperson_name, sales_department_id, production_department_id, quality_department_id,
                  status, round_no, version, created_at, updated_at)
                select :prefix || lpad(g::text, 6, '0'), :customer, '计划客户', '计划样品' || (g % 1000), 'Φ20', 50, '只',
                  date '2025-01-01' + (g % 400), :gm, '吴建国', :prod, :prod, case when g % 10 = 0 then :eng else :qa end,
                  case when g % 50 = 0 then 'SENT' when g % 7 = 0 then 'APPROVED' else 'SEALED' end, 1, 0,
                  current_timestamp, current_timestamp
                from generate_series(1, :n) g""")
                .param("prefix", prefix).param("customer", customer).param("gm", gm).param("prod", department("PROD"))
                .param("eng", department("ENG")).param("qa", department("QA")).param("n", SAMPLES).update();
        jdbc.sql("""
                insert into sample_round (sample_id, round_no, made_on, quantity_made, inspection_passed, sent_on,
                  quantity_sent, courier, tracking_no, confirmation)
                select s.id, 1, s.required_on - 5, 50, true, s.required_on - 3, 50, '顺丰', 'SF' || s.id,
                  case when s.status = 'SENT' then null else 'APPROVED' end
                from sample s where s.code like :prefix order by s.id""").param("prefix", prefix + "%").update();
        // the 20 oldest sent samples: rejected, made again and sent again (round 2, the newest rounds)
        jdbc.sql("""
                update sample_round set confirmation = 'REJECTED' where round_no = 1 and sample_id in (select s.id
                  from sample s where s.code like :prefix and s.status = 'SENT' and s.code <= :last)""")
                .param("prefix", prefix + "%").param("last", prefix + "001000").update();
        jdbc.sql("""
                insert into sample_round (sample_id, round_no, reason, made_on, quantity_made, inspection_passed, sent_on,
                  quantity_sent, courier, tracking_no)
                select s.id, 2, '颜色偏暗', s.required_on, 50, true, s.required_on + 2, 50, '顺丰', 'SF2-' || s.id
                from sample s where s.code like :prefix and s.status = 'SENT' and s.code <= :last order by s.id""")
                .param("prefix", prefix + "%").param("last", prefix + "001000").update();
        jdbc.sql("update sample set round_no = 2 where code like :prefix and status = 'SENT' and code <= :last")
                .param("prefix", prefix + "%").param("last", prefix + "001000").update();
        // what the service keeps after every step (Samples.pointAtCurrentRound) and V184 filled in for old data
        jdbc.sql("""
                update sample set current_round_id = (select r.id from sample_round r
                  where r.sample_id = sample.id and r.round_no = sample.round_no) where code like :prefix""")
                .param("prefix", prefix + "%").update();
        jdbc.sql("analyze sample").update();
        jdbc.sql("analyze sample_round").update();
    }

    /** One page of the register filtered by {@code status=SENT} as {@code user}, with the rows it read. */
    Map.Entry<SampleViews.Page, Long> sentPage(String user, String cursor) {
        Object[] out = new Object[2];
        signedIn.run(user, () -> tx.executeWithoutResult(s -> {
            long before = rowsRead();
            out[0] = samples.search(new SampleViews.Filter(null, null, SampleStatus.SENT, null, null, null), null,
                    cursor, 50);
            out[1] = rowsRead() - before;
        }));
        return Map.entry((SampleViews.Page) out[0], (Long) out[1]);
    }

    /**
     * The plain query of the register's status filter (the shape before V184: the current round by its number),
     * within the department head's data scope written out, newest round first; with the rows it read.
     */
    Map.Entry<List<Long>, Long> plain(String user, Integer limit) {
        Object[] out = new Object[2];
        signedIn.run(user, () -> tx.executeWithoutResult(s -> {
            DataScope scope = users.require().scope();
            long before = rowsRead();
            out[0] = jdbc.sql("""
                    select r.id from sample_round r join sample s on s.id = r.sample_id
                    where (s.sales_department_id in (:d) or s.production_department_id in (:d)
                      or s.quality_department_id in (:d) or s.keeping_department_id in (:d) or s.salesperson_id = :u)
                      and s.status = 'SENT' and r.round_no = s.round_no
                    order by r.id desc""" + (limit == null ? "" : " limit " + limit))
                    .param("d", List.copyOf(scope.departmentIds())).param("u", scope.userId())
                    .query(Long.class).list();
            out[1] = rowsRead() - before;
        }));
        @SuppressWarnings("unchecked")
        List<Long> ids = (List<Long>) out[0];
        return Map.entry(ids, (Long) out[1]);
    }

    @Test
    void theSentFilterOfADepartmentHeadWalksThePageNotEverySentSample() {
        Assumptions.assumeTrue(TestDatabases.onPostgres(), "PostgreSQL plans");
        String prefix = "YPP" + (System.nanoTime() % 100000) + "-";
        seed(prefix);

        var first = sentPage("depthead", null);
        System.out.printf("search plan: samples status=SENT as department head, first page read %d rows%n",
                first.getValue());
        // 1,200 sent samples of the head's department among 60,000: a page of 50 reads about a page, not 1,200 + 1,200
        assertThat(first.getKey().items()).hasSize(50).allMatch(r -> r.status() == SampleStatus.SENT);
        assertThat(first.getValue()).as("rows read for the first page").isLessThan(500);
        // the old samples on round 2 have the newest rounds: they come first, with their current round
        assertThat(first.getKey().items().get(0).code()).startsWith(prefix);
        assertThat(first.getKey().items().subList(0, 20)).allMatch(r -> r.round() == 2);

        // every page, walked by its cursor, is the plain query's list in its order; a deep page reads a page too
        List<Long> walked = new ArrayList<>();
        first.getKey().items().forEach(r -> walked.add(r.roundId()));
        String cursor = first.getKey().nextCursor();
        long deepest = 0;
        for (int i = 0; cursor != null && i < 200; i++) {
            var page = sentPage("depthead", cursor);
            page.getKey().items().forEach(r -> walked.add(r.roundId()));
            deepest = Math.max(deepest, page.getValue());
            cursor = page.getKey().nextCursor();
        }
        System.out.printf("search plan: samples status=SENT, %d rows over every page, at most %d rows read per page%n",
                walked.size(), deepest);
        List<Long> expected = plain("depthead", null).getKey();
        assertThat(expected).hasSizeGreaterThanOrEqualTo(1_200);
        assertThat(walked).containsExactlyElementsOf(expected);
        assertThat(deepest).as("rows read for a later page").isLessThan(500);

        // the general manager (no scope condition, so the planner's estimate is right): it may walk the newest rounds
        // and probe (status, current_round_id) for each, as before V184 it walked them probing the sample — the 20
        // rounds 2, then ~1,550 rounds 1 for 31 sent ones at one in fifty — or walk the index as the head does
        var gm = sentPage("gm", null);
        System.out.printf("search plan: samples status=SENT as general manager read %d rows%n", gm.getValue());
        assertThat(gm.getKey().items()).hasSize(50).allMatch(r -> r.status() == SampleStatus.SENT);
        assertThat(gm.getValue()).as("rows read as the general manager").isLessThan(2_500);

        // the old shape (the current round by its number) reads every sent sample of the scope or walks the newest
        // rounds past the other statuses: more than the 1,200 sent samples either way
        var old = plain("depthead", 51);
        System.out.printf("search plan: old status shape as department head read %d rows%n", old.getValue());
        assertThat(old.getKey()).containsExactlyElementsOf(expected.subList(0, 51));
        assertThat(old.getValue()).as("the old shape reads the sent samples of the scope").isGreaterThan(1_200);
    }
}
