package com.careloop.servicedesk.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.careloop.platform.SignedInAs;
import com.careloop.servicedesk.ServiceDesk;
import com.careloop.servicedesk.ServiceDeskViews.Filter;
import com.careloop.support.ApiTestBase;
import com.careloop.support.PlanCosts;
import com.careloop.support.RowsRead;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A keyword that is a whole request number is that request, found by one probe of the number's unique index, not
 * through the trigram index: a number whose digits are mostly zero padding ({@code TM005000000} at ten million:
 * 9,118 buffers, 0.7 s) has trigrams that most numbers share. Any other keyword, a number's fragment included, keeps
 * the partial match. {@value #REQUESTS} requests numbered as the numbering rules do ({@code PZ2026-000001} …), loaded
 * in a transaction that is rolled back; the answers are those of the plain LIKE, and the rows and buffers read are
 * PostgreSQL's own counts (deterministic evidence instead of timings). H2 answers the same keywords in
 * ServiceDeskSearchApiTest.
 */
@EnabledIfSystemProperty(named = "careloop.test.db", matches = "postgres")
class RequestNumberSearchPlanTest extends ApiTestBase {

    static final int REQUESTS = 40_000;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    SignedInAs signedIn;
    @Autowired
    ServiceDesk desk;

    @Test
    void aWholeNumberIsOneProbeOfTheNumberIndexAndAFragmentStaysAPartialMatch() {
        transactions.executeWithoutResult(tx -> {
            load();
            for (String q : List.of("PZ2026-020000", "pz2026-020000", " PZ2026-000100 ", "PZ2026-040000")) {
                long before = RowsRead.of(jdbc, "service_request");
                List<Long> found = search(q);
                long read = RowsRead.of(jdbc, "service_request") - before;
                assertThat(found).as(q).hasSize(1).isEqualTo(like(q));
                System.out.printf("number search plan: %s read %d rows of service_request%n", q, read);
                // the probe of the number's index and the page of that one id
                assertThat(read).as("rows read for " + q).isLessThanOrEqualTo(3);
            }
            // fragments and a number of no request: the partial match, as before
            for (String q : List.of("PZ2026-02000", "2026-0200", "020000", "PZ2026-099999")) {
                assertThat(search(q)).as(q).isEqualTo(like(q));
            }
            assertThat(search("PZ2026-02000")).hasSize(10);
            // what the partial match costs for the whole number, against the probe
            Map<String, Object> kw = Map.of("kw", "%pz2026-020000%");
            long trigrams = PlanCosts.buffers(PlanCosts.plan(jdbc, "select r.id from service_request r where lower("
                    + ServiceRequestQueries.SEARCH_TEXT + ") like :kw order by r.id + 0 desc limit 51", kw));
            long probe = PlanCosts.buffers(PlanCosts.plan(jdbc,
                    "select t.id from service_request t where t.code in (:typed, :upper)",
                    Map.of("typed", "pz2026-020000", "upper", "PZ2026-020000")));
            System.out.printf("number search plan: trigram look-up %d buffers, number probe %d buffers%n", trigrams,
                    probe);
            assertThat(probe).isLessThanOrEqualTo(6);
            assertThat(trigrams).isGreaterThan(10 * probe);
            tx.setRollbackOnly();
        });
    }

    /** The queue's first page (50) for the keyword, as the general manager. */
    private List<Long> search(String q) {
        List<Long> ids = new ArrayList<>();
        signedIn.run("gm", () -> desk.search(Filter.of(null, null, null, null, null, null, null, null, null, q, null, null,
                null, null), null, 50).items().forEach(r -> ids.add(r.id())));
        return ids;
    }

    /** What the keyword means: a plain LIKE over the searched columns, newest first (at most a page). */
    private List<Long> like(String keyword) {
        return jdbc.sql("""
                select r.id from service_request r
                where lower(r.title) like :kw or lower(r.description) like :kw or lower(r.customer_name) like :kw
                   or r.unit_room like :kw or lower(r.code) like :kw
                order by r.id desc limit 50""").param("kw", "%" + keyword.trim().toLowerCase() + "%")
                .query(Long.class).list();
    }

    private void load() {
        jdbc.sql("""
                insert into service_request (code, request_type, title, channel, priority, status,
                  registered_by_name, registered_at, responded_at, completed_at, closed_at, response_amount,
                  response_unit, response_due_at, response_warn_at, completion_due_at, completion_warn_at,
                  created_at, updated_at)
                select 'PZ2026-' || lpad(g::text, 6, '0'), 'REPAIR', '门禁失灵', 'PHONE', 'NORMAL', 'CLOSED', 'test',
                  now(), now(), now(), now(), 4, 'CALENDAR_HOURS', now() - interval '1 day', now() - interval '2 days',
                  now() - interval '1 day', now() - interval '2 days', now(), now()
                from generate_series(1, :n) g""").param("n", REQUESTS).update();
        jdbc.sql("analyze service_request").update();
    }
}
