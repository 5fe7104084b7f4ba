package com.careloop.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import com.careloop.complaint.stats.ComplaintStatsRollup;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Complaints on a real PostgreSQL server (issue 5 "Speed"). Not a test: run it with
 * {@code CARELOOP_DB_URL=jdbc:postgresql://localhost:5432/careloop_complaint_bench CARELOOP_DB_USER=careloop
 * CARELOOP_DB_PASSWORD=careloop ./mvnw test -Pbench -Dtest=ComplaintBench -DargLine=-Xmx512m}.
 * With 500,000 complaints over 3 years and 1,000,000 CAPA actions (400,000 CAPAs, seeded once): the complaint
 * list's first page, the list with a filter, keyword searches, the statistics for one year and for 3 years and the
 * annual summary (after the statistics rollup ran once over the seeded data),
 * server time p95 over {@code bench.calls} (default 200) requests each; goal p95 <= 100 ms. The machine's load
 * average and {@code pgbench -S} in the same run tell how busy the shared machine was.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"careloop.demo-data=false", "careloop.admin-password=bench-admin-pw",
                "spring.datasource.hikari.maximum-pool-size=8", "careloop.complaint.scan-interval=PT24H",
                "careloop.capa.scan-interval=PT24H", "careloop.servicedesk.scan-interval=PT24H",
                "careloop.complaint.stats-initial-delay=PT24H"})
class ComplaintBench {

    static final int COMPLAINTS = Integer.getInteger("bench.complaints", 500_000);
    static final int ACTIONS = Integer.getInteger("bench.actions", 1_000_000);
    static final int CUSTOMERS = 20_000;
    static final int CALLS = Integer.getInteger("bench.calls", 200);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ComplaintStatsRollup rollup;
    @LocalServerPort
    int port;
    @Value("${spring.datasource.url}")
    String url;

    final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();

    @Test
    void complaintListAndStatisticsWithHalfAMillionComplaints() throws Exception {
        load();
        rollUp();
        String token = BenchSupport.adminToken(http, port, "bench-admin-pw");
        BenchSupport.report("complaint-machine load=" + Files.readString(Path.of("/proc/loadavg")).trim()
                + " cpus=" + Runtime.getRuntime().availableProcessors());
        pgbench();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String[] filters = {"status=INVESTIGATED", "category=PRODUCT_QUALITY", "severity=MAJOR", "repeat=true",
                "overdue=true", "status=CLOSED&category=DELIVERY_LOGISTICS"};
        String[] groups = {"CATEGORY", "SEVERITY", "CAUSE", "DEPARTMENT", "PRODUCT", "MONTH"};
        measure("complaint-list-first-page", i -> "/api/v1/complaints?limit=50", token);
        measure("complaint-list-filter", i -> "/api/v1/complaints?limit=50&" + filters[i % filters.length], token);
        // a 2-character Chinese word, a product fragment, an order number, a record number fragment
        measure("complaint-search-word", i -> "/api/v1/complaints?limit=50&q=" + enc(new String[] {"色差", "塌箱", "开胶",
                "异味"}[i % 4]), token);
        measure("complaint-search-product", i -> "/api/v1/complaints?limit=50&q=" + enc(new String[] {"彩印礼盒", "五层",
                "蜂窝纸板 c", "纸托盘 e"}[i % 4]), token);
        measure("complaint-search-order", i -> "/api/v1/complaints?limit=50&q=HT" + (1 + (i * 7919L) % COMPLAINTS), token);
        measure("complaint-search-code", i -> "/api/v1/complaints?limit=50&q="
                + String.format("%08d", 1 + (i * 7919L) % COMPLAINTS).substring(2), token);
        measure("complaint-stats-1y", i -> "/api/v1/complaints/statistics?from=" + today.minusYears(1).plusDays(1)
                + "&to=" + today + "&groupBy=" + groups[i % groups.length], token);
        measure("complaint-stats-3y", i -> "/api/v1/complaints/statistics?from=" + today.minusYears(3).plusDays(1)
                + "&to=" + today + "&groupBy=" + groups[i % groups.length], token);
        measure("complaint-annual", i -> "/api/v1/complaints/annual?year=" + (today.getYear() - i % 2), token);
        BenchSupport.report("complaint-machine load=" + Files.readString(Path.of("/proc/loadavg")).trim());
        pgbench();
    }

    private static String enc(String q) {
        return java.net.URLEncoder.encode(q, StandardCharsets.UTF_8);
    }

    /** The statistics rollup over what is settled (the first run over the seeded data takes longest). */
    private void rollUp() throws Exception {
        long t = System.nanoTime();
        ComplaintStatsRollup.Result r = rollup.rollup();
        BenchSupport.report(String.format("complaint-rollup months=%d complaints=%d in %.1fs", r.months(), r.complaints(),
                (System.nanoTime() - t) / 1e9));
        if (r.complaints() > 0) {
            // the rollup writes no complaint row (V194): only its own tables are new, and the seed's complaint rows
            // need the visibility map for the covering indexes' index-only scans
            for (String table : new String[] {"complaint", "complaint_stats_month", "complaint_stats_close",
                    "complaint_stats_customer", "complaint_stats_pending"}) {
                jdbc.sql("vacuum analyze " + table).update();
            }
        }
    }

    private void measure(String name, IntFunction<String> path, String token) throws Exception {
        for (int i = 0; i < 10; i++) {
            BenchSupport.timedGet(http, port, path.apply(i), token);
        }
        long[] took = new long[CALLS];
        for (int i = 0; i < took.length; i++) {
            took[i] = BenchSupport.timedGet(http, port, path.apply(i), token);
        }
        BenchSupport.report(String.format("%s calls=%d p50=%.1fms p95=%.1fms p99=%.1fms", name, took.length,
                BenchSupport.percentileMs(took, 50), BenchSupport.percentileMs(took, 95), BenchSupport.percentileMs(took, 99)));
    }

    /** {@code pgbench -S} (select-only, 2 clients, 10 s) against the same server, as the other benchmarks do. */
    private void pgbench() throws Exception {
        BenchSupport.report("complaint-pgbench-S " + BenchSupport.pgbench(jdbc, url, 10, "-S"));
    }

    /**
     * Once: 20,000 customers, 300,000 purchases, 500,000 complaints over 3 years (oldest first, so ids grow with
     * the receipt time; 6 % still open among the newest, 8 % repeats), 400,000 CAPAs from 80 % of them with
     * 1,000,000 actions.
     */
    private void load() throws Exception {
        long have = jdbc.sql("select count(*) from complaint where code like 'BC%'").query(Long.class).single();
        if (have < COMPLAINTS) {
            loadComplaints();
        }
        if (jdbc.sql("select count(*) from capa where code like 'CB%'").query(Long.class).single() == 0) {
            loadCapa();
        }
    }

    private void loadComplaints() throws Exception {
        long t = System.nanoTime();
        if (jdbc.sql("select count(*) from customer where code like 'BK%'").query(Long.class).single() == 0) {
            jdbc.sql("""
                insert into customer (code, name, kind, key_customer, active, created_at, updated_at)
                select 'BK' || lpad(g::text, 7, '0'),
                       (array['苏州','上海','杭州','南京','合肥','无锡','宁波','常州'])[1 + g % 8]
                         || (array['恒顺','联华','吉利','金陵','华源','永盛','宏达','新华','天成','瑞丰'])[1 + (g / 8) % 10]
                         || (array['食品','包装','电器','建材','汽车零部件'])[1 + (g / 80) % 5] || '有限公司' || g,
                       'ORGANISATION', g % 50 = 0, true, now(), now()
                from generate_series(1, :n) g""").param("n", CUSTOMERS).update();
        }
        long firstCustomer = jdbc.sql("select min(id) from customer where code like 'BK%'").query(Long.class).single();
        jdbc.sql("delete from purchase where product = '瓦楞纸箱' and source = 'IMPORT'").update();
        jdbc.sql("""
                insert into purchase (customer_id, product, sale_date, source, created_at)
                select :first + (g::bigint * 7919) % :customers, '瓦楞纸箱', current_date - (g % 1095), 'IMPORT', now()
                from generate_series(1, 300000) g""").param("first", firstCustomer).param("customers", CUSTOMERS).update();
        long admin = jdbc.sql("select id from app_user where username = 'admin'").query(Long.class).single();
        List<Long> departments = jdbc.sql("select id from department order by id").query(Long.class).list();
        String deptArray = departments.isEmpty() ? "array[null::bigint]"
                : "array[" + departments.stream().map(String::valueOf).collect(Collectors.joining(",")) + "]::bigint[]";
        jdbc.sql("""
                insert into complaint (code, customer_id, customer_name, customer_code, key_customer, received_at, channel,
                    order_number, product, content, status, category, severity, department_id, acknowledged_at,
                    cause_category, cause_analysis, first_action_at, closed_at, received_by, received_by_name,
                    acknowledge_due_at, acknowledge_warn_at, reply_due_at, reply_warn_at, resolve_due_at, resolve_warn_at,
                    version, created_at, updated_at)
                select 'BC' || lpad(g::text, 8, '0'), x.customer, x.name, 'BK' || lpad((x.customer - :first + 1)::text, 7, '0'),
                       x.customer % 50 = 0, x.received, (array['PHONE','EMAIL','VISIT','ONLINE','SALES_REP'])[1 + g % 5],
                       'HT' || g, (array['瓦楞纸箱（五层）','瓦楞纸箱（三层）','彩印礼盒','纸护角','蜂窝纸板','食品包装袋',
                                        '牛皮纸袋','纸托盘'])[1 + g % 8] || ' ' || (array['A','B','C','D','E'])[1 + (g / 8) % 5],
                       (array['纸箱抗压不足，堆码后塌箱','印刷色差明显','纸箱边缘开胶','纸板受潮发软','交期延误三天',
                              '尺寸偏差装不进托盘','包装袋有异味','运输途中破损','送货人员态度差','对账金额错误'])[1 + g % 10]
                         || '，订单 HT' || g,
                       x.status, x.category, case when g % 10 = 0 then 'MAJOR' else 'GENERAL' end,
                       (:depts)[1 + g % cardinality(:depts)],
                       case when x.step >= 1 then x.received + (1 + g % 40) * interval '1 hour' end,
                       case when x.step >= 3 then (array['RAW_MATERIAL','PROCESS','PROCESS','EQUIPMENT','TRANSPORT_DAMAGE',
                              'STORAGE','INSPECTION_MEASUREMENT','OTHER','PROCESS','RAW_MATERIAL'])[1 + (g / 3) % 10] end,
                       case when x.step >= 3 then '原因分析 ' || g end,
                       case when x.step >= 4 then x.received + (10 + g % 90) * interval '1 hour' end,
                       case when x.step >= 8 then x.received + (1 + g % 9) * interval '1 day' + (g % 24) * interval '1 hour' end,
                       :admin, 'bench',
                       x.received + interval '24 hours', x.received + interval '19 hours',
                       x.received + interval '72 hours', x.received + interval '58 hours',
                       x.received + interval '5 days', x.received + interval '4 days', 0, x.received, x.received
                from generate_series(1, :n) g
                cross join lateral (select
                       :first + (g::bigint * 7919) % :customers customer,
                       '客户' || ((g::bigint * 7919) % :customers) name,
                       now() - (:n - g) * interval '189 seconds' - interval '1 hour' received,
                       case when g > :n - 30000 then (g % 9) else 8 end step,
                       (array['RECEIVED','ACKNOWLEDGED','ASSESSED','INVESTIGATED','ACTION_TAKEN','DECISION_COMMUNICATED',
                              'VERIFIED','QUALITY_CONFIRMED','CLOSED'])[1 + case when g > :n - 30000 then (g % 9) else 8 end] status,
                       case when (case when g > :n - 30000 then (g % 9) else 8 end) >= 2 then
                            (array['PRODUCT_QUALITY','PRODUCT_QUALITY','PRODUCT_QUALITY','DELIVERY_LOGISTICS','AFTER_SALES_SERVICE',
                                   'PRICE_FEES','STAFF_ATTITUDE','PRODUCT_QUALITY','DELIVERY_LOGISTICS','OTHER'])[1 + (g / 7) % 10]
                       end category) x""".replace(":depts", deptArray))
                .param("n", COMPLAINTS).param("first", firstCustomer).param("customers", CUSTOMERS).param("admin", admin)
                .update();
        long first = jdbc.sql("select min(id) from complaint where code like 'BC%'").query(Long.class).single();
        // 8 % are repeats of a complaint received a little earlier
        jdbc.sql("update complaint set repeat_of_id = id - 37 where code like 'BC%' and id % 12 = 0 and id > :f + 37")
                .param("f", first).update();
        BenchSupport.report(String.format("complaint-load complaints=%d in %.1fs", COMPLAINTS, (System.nanoTime() - t) / 1e9));
    }

    private void loadCapa() throws Exception {
        long t = System.nanoTime();
        long admin = jdbc.sql("select id from app_user where username = 'admin'").query(Long.class).single();
        jdbc.sql("""
                insert into capa (code, status, problem, customer_id, department_id, eight_d, round_no, opened_by,
                    opened_by_name, opened_at, closed_at, created_at, updated_at)
                select 'CB' || c.id, case when c.status = 'CLOSED' then 'CLOSED' else 'ACTIONS_PLANNED' end, c.content,
                       c.customer_id, c.department_id, false, 1, :admin, 'bench', c.received_at + interval '1 day',
                       c.closed_at, c.received_at, c.received_at
                from complaint c where c.code like 'BC%' and c.id % 5 <> 0""").param("admin", admin).update();
        jdbc.sql("""
                insert into capa_source (capa_id, source_type, source_id, source_code, attached_at)
                select p.id, 'COMPLAINT', cast(substring(p.code from 3) as bigint), 'BC', p.opened_at
                from capa p where p.code like 'CB%'""").update();
        long firstCapa = jdbc.sql("select min(id) from capa where code like 'CB%'").query(Long.class).single();
        long capas = jdbc.sql("select count(*) from capa where code like 'CB%'").query(Long.class).single();
        jdbc.sql("""
                insert into capa_action (capa_id, round_no, description, owner_id, owner_name, due_date, done, done_at,
                    done_by, created_at, created_by)
                select :firstCapa + (g - 1) % :capas, 1, '纠正措施 ' || g, :admin, 'bench', current_date - (g % 1000) + 14,
                       g % 10 <> 0, case when g % 10 <> 0 then now() - (g % 1000) * interval '1 day' end,
                       case when g % 10 <> 0 then 'bench' end, now(), 'bench'
                from generate_series(1, :n) g""").param("firstCapa", firstCapa).param("capas", capas).param("admin", admin)
                .param("n", ACTIONS).update();
        for (String table : new String[] {"customer", "purchase", "complaint", "capa", "capa_source", "capa_action"}) {
            jdbc.sql("vacuum analyze " + table).update();
        }
        BenchSupport.report(String.format("complaint-load capas=%d actions=%d in %.1fs", capas, ACTIONS,
                (System.nanoTime() - t) / 1e9));
    }
}
