package com.careloop.property;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
 * The register's text search reads the rows it finds, not the register (PostgreSQL; deterministic evidence instead
 * of timings). 60,000 items whose markings run 钢印-1 … 钢印-60000: {@code 钢印-77} matches 111 items, all among the
 * oldest. The old plan — walk the primary key newest-first and filter, chosen when the LIKE estimate is high — read
 * tens of thousands of rows for one page; the search now counts the matches first (≤ 5,000) and sorts those. Rows read
 * are PostgreSQL's own counters of this transaction ({@code pg_stat_xact_user_tables}: heap tuples fetched by index
 * and bitmap scans plus tuples read by sequential scans), so the proof holds whatever plan the estimate would pick.
 */
class PropertySearchPlanTest extends ApiTestBase {

    static final int ITEMS = 60_000;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    SignedInAs signedIn;
    @Autowired
    CustomerProperties properties;

    long rowsRead() {
        return RowsRead.of(jdbc, "customer_property");
    }

    /** Runs the search as the general manager inside one transaction; returns the page's codes and rows read. */
    Map.Entry<List<String>, Long> search(String q, String sort) {
        return search(new PropertyViews.Filter(null, null, null, null, null, null, q), sort);
    }

    Map.Entry<List<String>, Long> search(PropertyViews.Filter filter, String sort) {
        List<String> codes = new ArrayList<>();
        long[] read = new long[1];
        signedIn.run("gm", () -> tx.executeWithoutResult(s -> {
            long before = rowsRead();
            properties.search(filter, sort, null, 50)
                    .items().forEach(r -> codes.add(r.code()));
            read[0] = rowsRead() - before;
        }));
        return Map.entry(codes, read[0]);
    }

    /**
     * {@link #ITEMS} held items of production by SQL (g = 1 … ITEMS in the expressions; {@code :tag} and {@code :prefix}
     * bound), then ANALYZE.
     */
    void seed(String code, String itemName, String marking, String location, String prefix, String tag) {
        long prod = jdbc.sql("select id from department where code = 'PROD'").query(Long.class).single();
        long customer = jdbc.sql("select min(id) from customer").query(Long.class).single();
        long gm = jdbc.sql("select id from app_user where username = 'gm'").query(Long.class).single();
        jdbc.sql("""
                insert into customer_property (code, customer_id, kind, item_name, spec, quantity, unit, received_on,
                  receiver_name, verification, marking, storage_location, owning_department_id, holder_department_id,
                  confidential, status, registered_by, registered_by_name, version, created_at, updated_at)
                select %s, :customer, 'TOOLING', %s, 'M', 1, '套', date '2024-01-01' + (g %% 600), '计划接收人',
                  'PASSED', %s, %s, :prod, :prod, false, 'HELD', :gm, '吴建国', 0, current_timestamp, current_timestamp
                from generate_series(1, :n) g""".formatted(code, itemName, marking, location))
                .param("prefix", prefix).param("tag", tag).param("customer", customer).param("prod", prod)
                .param("gm", gm).param("n", ITEMS).update();
        jdbc.sql("analyze customer_property").update();
    }

    @Test
    void aSelectiveFragmentReadsItsMatchesNotTheRegister() {
        Assumptions.assumeTrue(TestDatabases.onPostgres(), "PostgreSQL plans");
        String prefix = "GCP" + (System.nanoTime() % 100000) + "-";
        seed(":prefix || g", "'计划模具' || lpad((g % 10000)::text, 4, '0')", "'钢印计划-' || g",
                "'模具库 P-0' || (g % 9)", prefix, "");

        for (String sort : new String[] {null, "receivedOn"}) {
            var hit = search("钢印计划-77", sort);
            // 77, 770–779, 7700–7799: 111 matches, 50 on the page
            assertThat(hit.getKey()).hasSize(50).allMatch(c -> c.startsWith(prefix));
            System.out.printf("search plan: 钢印计划-77 sort %s read %d rows of customer_property%n", sort, hit.getValue());
            assertThat(hit.getValue()).as("rows read for 111 matches, sort " + sort).isLessThan(1_000);
        }
        // the old shape of the query (text condition in the page query, newest first) when the planner walks the
        // primary key: what the count-first search avoids
        long[] old = new long[1];
        tx.executeWithoutResult(s -> {
            jdbc.sql("set local enable_bitmapscan = off").update();
            long before = rowsRead();
            jdbc.sql("""
                    select i.id from customer_property i where lower(i.code) like :q or lower(i.item_name) like :q
                      or lower(i.marking) like :q order by i.id desc limit 51""").param("q", "%钢印计划-77%")
                    .query(Long.class).list();
            old[0] = rowsRead() - before;
        });
        System.out.printf("search plan: old query shape, newest-first walk, read %d rows%n", old[0]);
        assertThat(old[0]).as("the newest-first walk reads most of the register").isGreaterThan(10_000);
        // a common fragment still pages at once from the sort index: the page is full and correct
        var common = search("计划模具", null);
        assertThat(common.getKey()).hasSize(50);
    }

    /**
     * The storage-location filter (PropertyBench: {@code A-05} matched 18,500 of 500,000 items and collected every match
     * through the trigram index before taking the newest 50). 60,000 items: every second one in location {@code L-01}
     * (29,950 matches: common), 100 of the oldest in {@code R-77} (rare). A common location pages from the sort index
     * and stops at a full page; a rare one reads its matches only.
     */
    @Test
    void aCommonLocationPagesFromTheSortIndexARareOneReadsItsMatches() {
        Assumptions.assumeTrue(TestDatabases.onPostgres(), "PostgreSQL plans");
        String tag = "库" + (System.nanoTime() % 100000);
        String prefix = "GCL" + (System.nanoTime() % 100000) + "-";
        seed(":prefix || g", "'位置模具'", "'钢印位置-' || g", "case when g <= 100 then :tag || ' R-77' when g % 2 = 0"
                + " then :tag || ' L-01' else :tag || ' M-02' end", prefix, tag);

        var common = search(new PropertyViews.Filter(null, null, tag + " l-01", null, null, null, null), null);
        System.out.printf("search plan: location %s L-01 (29,950 matches) read %d rows%n", tag, common.getValue());
        // the newest 50 of the 29,950: items 60,000, 59,998, …
        assertThat(common.getKey()).hasSize(50).first().isEqualTo(prefix + ITEMS);
        assertThat(common.getKey()).last().isEqualTo(prefix + (ITEMS - 98));
        var rare = search(new PropertyViews.Filter(null, null, tag + " R-77", null, null, null, null), "receivedOn");
        System.out.printf("search plan: location %s R-77 (100 oldest) read %d rows%n", tag, rare.getValue());
        assertThat(rare.getKey()).hasSize(50).allMatch(c -> c.startsWith(prefix));
        // the newest 2,000 looked at (TextMatches.NEWEST), then the 100 matches
        assertThat(rare.getValue()).as("rows read for 100 matches").isLessThan(3_000);
        var none = search(new PropertyViews.Filter(null, null, tag + " Z-99", null, null, null, null), null);
        assertThat(none.getKey()).isEmpty();

        // the old shape: every match collected through the trigram index, then the newest 51 sorted out
        long[] old = new long[1];
        tx.executeWithoutResult(s -> {
            jdbc.sql("set local enable_indexscan = off").update();
            jdbc.sql("set local enable_seqscan = off").update();
            long before = rowsRead();
            jdbc.sql("""
                    select i.id from customer_property i where lower(i.storage_location) like :l
                    order by i.id desc limit 51""").param("l", "%" + tag + " l-01%").query(Long.class).list();
            old[0] = rowsRead() - before;
        });
        System.out.printf("search plan: old location shape read %d rows%n", old[0]);
        assertThat(old[0]).as("the bitmap reads every match").isGreaterThanOrEqualTo(29_950);
        // 102 newest rows looked at (51 matches), then a page walked from the primary key
        assertThat(common.getValue()).as("rows read for a common location").isLessThan(1_000);
    }

    /**
     * A whole record number (PropertyBench {@code GCB2026-012345}: its prefix and year are in every number, so the
     * trigram indexes read posting lists as long as the register) is one probe of the number's unique index, and a
     * location fragment that names no location (the bench's {@code A-05}: the trigram index rechecked 55,556 rows of
     * "…-05" to find none) reads the distinct locations by a skip scan of V181's index and no item at all.
     */
    @Test
    void aWholeNumberIsAnIndexProbeAndALocationNamingNoneReadsNoItem() {
        Assumptions.assumeTrue(TestDatabases.onPostgres(), "PostgreSQL plans");
        String tag = "库" + (System.nanoTime() % 100000);
        String prefix = "GCN" + (System.nanoTime() % 100000) + "-";
        seed(":prefix || lpad(g::text, 6, '0')", "'号码模具'", "'钢印号码-' || g",
                ":tag || ' ' || (array['A-0','B-0','C-0'])[1 + g % 3] || (g % 9 + 1)", prefix, tag);

        String number = prefix + "012345";
        var exact = search(number, null);
        System.out.printf("search plan: whole number %s read %d rows%n", number, exact.getValue());
        assertThat(exact.getKey()).containsExactly(number);
        // the look-up by the unique index and the page's row: one each
        assertThat(exact.getValue()).as("rows read for a whole record number").isLessThanOrEqualTo(3);
        // typed in small letters: the same item
        assertThat(search(number.toLowerCase(java.util.Locale.ROOT), null).getKey()).containsExactly(number);
        // a part of a number is still a text search
        assertThat(search(prefix + "01234", null).getKey()).hasSize(10);

        // "A-05": the locations are A-01/04/07, B-02/05/08, C-03/06/09 (as in the bench): none matches
        var none = search(new PropertyViews.Filter(null, null, tag + " A-05", null, null, null, null), null);
        System.out.printf("search plan: location %s A-05 (no match) read %d rows%n", tag, none.getValue());
        assertThat(none.getKey()).isEmpty();
        // the 2,000 newest looked at, then one row per distinct location of the register (a few dozen here)
        assertThat(none.getValue()).as("rows read for a location naming none").isLessThan(2_500);
        long[] old = new long[1];
        tx.executeWithoutResult(s -> {
            long before = rowsRead();
            jdbc.sql("select i.id from customer_property i where lower(i.storage_location) like :l limit 5001")
                    .param("l", "%" + tag + " a-05%").query(Long.class).list();
            old[0] = rowsRead() - before;
        });
        System.out.printf("search plan: old rare-location look-up through the trigram index read %d rows%n", old[0]);
        // (not asserted: this transaction's counters showed 0 rows for the bitmap look-up on the first run)
        // a rare location that exists: its items exactly (B-05 among the newest is common; its oldest items)
        var b05 = search(new PropertyViews.Filter(null, null, tag + " b-05", null, null, null, null), null);
        assertThat(b05.getKey()).hasSize(50).allMatch(c -> c.startsWith(prefix));
    }
}
