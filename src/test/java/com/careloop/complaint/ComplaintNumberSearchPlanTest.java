package com.careloop.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.careloop.complaint.ComplaintViews.Filter;
import com.careloop.platform.SignedInAs;
import com.careloop.support.ApiTestBase;
import com.careloop.support.PlanCosts;
import com.careloop.support.RowsRead;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The complaint register's keyword, when it is a whole complaint number, is that complaint, found by one probe of the
 * number's unique index (as the service desk's, platform TextMatches.byNumber): through the trigram index a
 * zero-padded number ({@code TC001000000} of two million complaints) read 6,812 buffers and rechecked 7,285 rows.
 * {@value #COMPLAINTS} complaints numbered as the numbering rules do ({@code QZ2026-000001} …), loaded in a
 * transaction that is rolled back; answers equal to the plain LIKE, rows and buffers counted by PostgreSQL. H2 answers
 * the same keywords in ComplaintKeywordSearchApiTest.
 */
@EnabledIfSystemProperty(named = "careloop.test.db", matches = "postgres")
class ComplaintNumberSearchPlanTest extends ApiTestBase {

    static final int COMPLAINTS = 40_000;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    SignedInAs signedIn;
    @Autowired
    Complaints complaints;

    @Test
    void aWholeNumberIsOneProbeOfTheNumberIndexAndAFragmentStaysAPartialMatch() {
        long customer = customer();
        transactions.executeWithoutResult(tx -> {
            load(customer);
            for (String q : List.of("QZ2026-020000", "qz2026-020000", " QZ2026-000100 ", "QZ2026-040000")) {
                long before = RowsRead.of(jdbc, "complaint");
                List<Long> found = search(q);
                long read = RowsRead.of(jdbc, "complaint") - before;
                assertThat(found).as(q).hasSize(1).isEqualTo(like(q));
                System.out.printf("complaint number search plan: %s read %d rows of complaint%n", q, read);
                // the probe and the page's row: 2 in most runs of the suite, 6 in one (the page's plan, with what
                // other tests left in the table); a partial match reads thousands (the trigram figure below)
                assertThat(read).as("rows read for " + q).isLessThanOrEqualTo(10);
            }
            for (String q : List.of("QZ2026-02000", "2026-0200", "020000", "QZ2026-099999")) {
                assertThat(search(q)).as(q).isEqualTo(like(q));
            }
            assertThat(search("QZ2026-02000")).hasSize(10);
            // what the partial match costs for the whole number, against the probe
            long trigrams = PlanCosts.buffers(PlanCosts.plan(jdbc, "select c.id from complaint c where lower("
                    + Complaints.KEYWORD_TEXT + ") like :q order by c.id desc limit 51", Map.of("q", "%qz2026-020000%")));
            long probe = PlanCosts.buffers(PlanCosts.plan(jdbc,
                    "select t.id from complaint t where t.code in (:typed, :upper)",
                    Map.of("typed", "qz2026-020000", "upper", "QZ2026-020000")));
            System.out.printf("complaint number search plan: trigram look-up %d buffers, number probe %d buffers%n",
                    trigrams, probe);
            // two descents of the number's unique index and the heap pages of what they find: 6 in most runs, 7 in
            // one (CI run 49, what other tests left in the table); the trigram look-up reads over a hundred
            assertThat(probe).isLessThanOrEqualTo(10);
            assertThat(trigrams).isGreaterThan(10 * probe);
            tx.setRollbackOnly();
        });
    }

    /** The register's first page (50) for the keyword, as the general manager. */
    private List<Long> search(String q) {
        List<Long> ids = new ArrayList<>();
        signedIn.run("gm", () -> complaints.search(new Filter(null, null, null, null, null, null, q), null, null, 50)
                .items().forEach(r -> ids.add(r.id())));
        return ids;
    }

    /** What the keyword means: the searched text contains it, newest first (at most a page). */
    private List<Long> like(String keyword) {
        return jdbc.sql("select c.id from complaint c where lower(" + Complaints.KEYWORD_TEXT
                        + ") like :q order by c.id desc limit 50")
                .param("q", "%" + keyword.trim().toLowerCase() + "%").query(Long.class).list();
    }

    /** A customer of the complaints (any one; one is created when the database has none yet). */
    private long customer() {
        Long any = jdbc.sql("select min(id) from customer").query(Long.class).single();
        if (any != null) {
            return any;
        }
        Response r = post("/api/v1/customers", tokenFor("manager"), j("{'name':'计划客户','kind':'INDIVIDUAL'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private void load(long customer) {
        long gm = jdbc.sql("select id from app_user where username = 'gm'").query(Long.class).single();
        jdbc.sql("""
                insert into complaint (code, customer_id, customer_name, received_at, channel, content, status,
                  received_by, received_by_name, acknowledge_due_at, acknowledge_warn_at, reply_due_at, reply_warn_at,
                  resolve_due_at, resolve_warn_at, created_at, updated_at)
                select 'QZ2026-' || lpad(g::text, 6, '0'), :customer, '计划客户', now(), 'PHONE', '纸箱抗压不足', 'RECEIVED',
                  :gm, '吴建国', now() + interval '1 day', now() + interval '1 day', now() + interval '2 days',
                  now() + interval '2 days', now() + interval '9 days', now() + interval '9 days', now(), now()
                from generate_series(1, :n) g""")
                .param("customer", customer).param("gm", gm).param("n", COMPLAINTS).update();
        jdbc.sql("analyze complaint").update();
    }
}
