package com.careloop.bench;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

import com.careloop.complaint.stats.ComplaintStatsRollup;
import com.careloop.servicedesk.request.OpenAtTally;
import com.careloop.servicedesk.request.OpenRequestTally;
import com.careloop.servicedesk.request.SlaScan;
import com.careloop.survey.template.SurveyTemplates;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 21 §3, "ten million requests": seeds the volumes of the issue with {@code bench/ten-million.sql} (set-based
 * SQL, five years, 20 % of the customers making 80 % of the requests) plus survey campaigns of 50,000 responses,
 * then measures the pages' APIs over HTTP (p95 server time), the SLA scan and the heap. Not a test: run it with
 * {@code CARELOOP_DB_URL=jdbc:postgresql://localhost:5432/careloop_tm_bench CARELOOP_DB_USER=careloop
 * CARELOOP_DB_PASSWORD=careloop ./mvnw -o test -Pbench -Dtest=TenMillionBench -DargLine=-Xmx512m
 * -Dbench.scale=0.1} ({@code bench.scale} 1 is the issue's 10,000,000 requests; 0.1 is a million). A loaded
 * database is reused: every block of the script inserts only into an empty range. With
 * {@code -Dbench.measureOnly=true} nothing is seeded, surveyed or rolled up: the measurements run on the database as
 * it is (the report's campaign is the newest {@code TM-SURVEY-} campaign there).
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"careloop.demo-data=false", "careloop.admin-password=bench-admin-pw",
                "careloop.servicedesk.scan-interval=PT24H", "careloop.complaint.scan-interval=PT24H",
                "careloop.capa.scan-interval=PT24H", "careloop.complaint.stats-initial-delay=PT24H",
                "careloop.survey.scan-interval=PT24H"})
class TenMillionBench {

    static final double SCALE = Double.parseDouble(System.getProperty("bench.scale", "1"));
    static final long REQUESTS = (long) (10_000_000 * SCALE);
    static final long COMPLAINTS = (long) (2_000_000 * SCALE);
    /** At least 60,000: a campaign invites 50,000 different customers. */
    static final long CUSTOMERS = Math.max(60_000, (long) (200_000 * SCALE));
    static final int RESPONSES_PER_CAMPAIGN = 50_000;
    /** 500,000 responses at scale 1: ten campaigns of 50,000 (at least one, the one whose report is timed). */
    static final int CAMPAIGNS = (int) Math.max(1, Math.round(10 * SCALE));
    static final int DAYS = 1826;
    static final int CALLS = Integer.getInteger("bench.calls", 100);
    /** Concurrent index builds after a bulk load (one per core of the database machine). */
    static final int INDEX_BUILDERS = Integer.getInteger("bench.indexBuilders", 2);
    /** Only the measurements, on a database loaded before (no seed, no surveys, no roll-up, no sizes). */
    static final boolean MEASURE_ONLY = Boolean.getBoolean("bench.measureOnly");
    /** The triggers that keep tallies, per bulk-loaded table: off during a bulk load, the tallies rebuilt after. */
    static final Map<String, List<String>> TALLY_TRIGGERS = Map.of(
            "service_request", List.of("service_request_open_tally", "service_request_open_at_tally",
                    "service_request_open_at_tally_update", "service_request_day_tally_insert",
                    "service_request_day_tally_delete", "service_request_day_tally_update"),
            "complaint", List.of("complaint_day_tally_insert", "complaint_day_tally_delete",
                    "complaint_day_tally_update"));

    @Autowired
    JdbcClient jdbc;
    @Autowired
    SurveyTemplates templates;
    @Autowired
    ComplaintStatsRollup rollup;
    @Autowired
    SlaScan scan;
    @Autowired
    OpenRequestTally tally;
    @Autowired
    OpenAtTally openAtTally;
    @Autowired
    com.careloop.servicedesk.ServiceRequestCounts requestCounts;
    @Autowired
    com.careloop.complaint.ComplaintCounts complaintCounts;
    @Autowired
    DataSource dataSource;
    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void pagesWithTenMillionRequests() throws Exception {
        BenchSupport.report("tm-machine load=" + load() + " scale=" + SCALE + " measureOnly=" + MEASURE_ONLY + " "
                + BenchSupport.heap());
        long campaign;
        if (MEASURE_ONLY) {
            campaign = jdbc.sql("select id from survey_campaign where code like 'TM-SURVEY-%' order by id desc limit 1")
                    .query(Long.class).single();
        } else {
            seed();
            campaign = surveys();
            timed("complaint rollup", rollup::rollup);
            sizes();
        }
        String token = BenchSupport.adminToken(http, port, "bench-admin-pw");
        measureAll(token, campaign);
        BenchSupport.report("tm-machine load=" + load() + " " + BenchSupport.heap());
    }

    private void measureAll(String token, long campaign) throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String[] tabs = {"", "status=REGISTERED", "status=DISPATCHED", "status=IN_PROGRESS", "unassigned=true",
                "overdue=true", "dueSoon=true", "keyOnly=true", "type=COMPLAINT&status=IN_PROGRESS"};
        String[] words = {"漏水", "电梯", "门禁", "空调不制冷", "噪音", "停车", "物业费", "垃圾", "绿化", "停电"};
        long minId = jdbc.sql("select min(id) from service_request where code like 'TM%'").query(Long.class).single();
        BenchSupport.resetPeakHeap();
        measure("tm-queue-tabs", i -> "/api/v1/service-requests?limit=50&" + tabs[i % tabs.length], token);
        measure("tm-queue-counts", i -> "/api/v1/service-requests/counts", token);
        // old periods (issue 21 §3, V191): a week registered a year or more back, the requests open on such a day
        measure("tm-queue-old-week", i -> "/api/v1/service-requests?limit=50&registeredFrom="
                + today.minusDays(365 + 7L * (i % 20)) + "&registeredTo=" + today.minusDays(359 + 7L * (i % 20)), token);
        measure("tm-queue-open-on-old-day", i -> "/api/v1/service-requests?limit=50&openOn="
                + today.minusDays(365 + 11L * (i % 20)), token);
        measure("tm-search-chinese", i -> "/api/v1/service-requests?limit=50&q=" + enc(words[i % words.length]), token);
        measure("tm-search-phone-tail", i -> "/api/v1/service-requests?limit=50&q="
                + String.format("%04d", (i * 7919L) % 10000), token);
        // a keyword of middling density (~0.3 % of the newest requests: customers 1NN, 1NN0-1NN9, ...): a page needs
        // more than the first window, so the wider windows must not walk the newest rows again
        measure("tm-search-middling", i -> "/api/v1/service-requests?limit=50&q=" + enc("客户1" + (50 + i % 50)), token);
        measure("tm-search-number", i -> "/api/v1/service-requests?limit=50&q=TM"
                + String.format("%09d", 1 + (i * 104729L) % REQUESTS), token);
        measure("tm-request-page", i -> "/api/v1/service-requests/" + (minId + (i * 104729L) % REQUESTS), token);
        String[] groups = {"CATEGORY", "SEVERITY", "CAUSE", "DEPARTMENT", "PRODUCT", "MONTH"};
        measure("tm-complaint-stats-1y", i -> "/api/v1/complaints/statistics?from=" + today.minusYears(1).plusDays(1)
                + "&to=" + today + "&groupBy=" + groups[i % groups.length], token);
        measure("tm-complaint-stats-3y", i -> "/api/v1/complaints/statistics?from=" + today.minusYears(3).plusDays(1)
                + "&to=" + today + "&groupBy=" + groups[i % groups.length], token);
        String[] callbackGroups = {"PLAN", "AGENT", "MONTH"};
        measure("tm-callback-stats-1y", i -> "/api/v1/callbacks/statistics?from=" + today.minusYears(1).plusDays(1)
                + "&to=" + today + "&groupBy=" + callbackGroups[i % callbackGroups.length], token);
        measure("tm-survey-report-50k", i -> "/api/v1/survey-campaigns/" + campaign + "/report", token);
        long[] runs = ServiceDeskBench.timeSlaScan(scan, 5);
        BenchSupport.report(BenchSupport.summary("tm-sla-scan", runs));
        BenchSupport.report("tm-heap-during-measurements " + BenchSupport.heap());
    }

    /** The script's blocks with the volumes of the scale filled in, each timed. */
    private void seed() throws Exception {
        String script;
        try (var in = getClass().getResourceAsStream("/bench/ten-million.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, Long> values = Map.of("customers", CUSTOMERS, "requests", REQUESTS, "complaints", COMPLAINTS,
                "callbackEvery", 7L, "days", (long) DAYS);
        for (var e : values.entrySet()) {
            script = script.replace("${" + e.getKey() + "}", String.valueOf(e.getValue()));
        }
        String[] blocks = script.split("(?m)^;\\s*$");
        String[] names = {"customers", "departments", "handlers", "service requests", "complaints", "callbacks"};
        Map<String, String> bulk = Map.of("service requests", "service_request", "complaints", "complaint");
        for (int i = 0; i < blocks.length; i++) {
            String sql = blocks[i];
            String name = names[i];
            Step insert = () -> timed(name, () -> BenchSupport.report("tm-seed " + name + " rows=" + jdbc.sql(sql).update()));
            if (bulk.containsKey(name)) {
                bulkLoad(bulk.get(name), insert);
            } else {
                insert.run();
            }
        }
        timed("vacuum analyze", () -> {
            for (String table : new String[] {"customer", "service_request", "complaint", "callback_task"}) {
                jdbc.sql("vacuum analyze " + table).update();
            }
        });
    }

    /**
     * A bulk load into an empty range: the table's secondary indexes (11 of them GIN for the keyword search) are
     * dropped first and built once afterwards — a sorted bulk build is far cheaper than ten million incremental
     * inserts into each — and the triggers that keep tallies are off during the load and the tallies rebuilt from a
     * direct count after it (what the tallies' rebuild methods are for). A loaded table is left as it is.
     */
    private void bulkLoad(String table, Step insert) throws Exception {
        boolean loaded = jdbc.sql("select exists (select 1 from " + table + " where code like 'T%')")
                .query(Boolean.class).single();
        if (loaded) {
            insert.run();
            return;
        }
        String secondary = """
                from pg_index x join pg_class t on t.oid = x.indrelid join pg_class i on i.oid = x.indexrelid
                where t.relname = :t and not x.indisprimary and not x.indisunique
                  and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)""";
        List<String> definitions = jdbc.sql("select pg_get_indexdef(x.indexrelid) " + secondary)
                .param("t", table).query(String.class).list();
        for (String index : jdbc.sql("select i.relname " + secondary).param("t", table).query(String.class).list()) {
            jdbc.sql("drop index " + index).update();
        }
        boolean requests = table.equals("service_request");
        List<String> triggers = TALLY_TRIGGERS.getOrDefault(table, List.of());
        for (String trigger : triggers) {
            jdbc.sql("alter table " + table + " disable trigger " + trigger).update();
        }
        try {
            insert.run();
        } finally {
            for (String trigger : triggers) {
                jdbc.sql("alter table " + table + " enable trigger " + trigger).update();
            }
        }
        // GIN builds are single-threaded in PostgreSQL 15: one builder per core, each index on its own connection
        var queue = new java.util.concurrent.ConcurrentLinkedQueue<>(definitions);
        timed(table + " " + definitions.size() + " indexes built by " + INDEX_BUILDERS, () -> {
            var pool = java.util.concurrent.Executors.newFixedThreadPool(INDEX_BUILDERS);
            try {
                List<java.util.concurrent.Future<Void>> builders = new java.util.ArrayList<>();
                for (int i = 0; i < INDEX_BUILDERS; i++) {
                    builders.add(pool.submit(() -> {
                        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                            st.execute("set maintenance_work_mem = '512MB'");
                            st.execute("set max_parallel_maintenance_workers = 1");
                            for (String definition = queue.poll(); definition != null; definition = queue.poll()) {
                                long t = System.nanoTime();
                                st.execute(definition);
                                BenchSupport.report(String.format(Locale.ROOT, "tm-index %.1fs %s",
                                        (System.nanoTime() - t) / 1e9, definition));
                            }
                            st.execute("reset maintenance_work_mem");
                            st.execute("reset max_parallel_maintenance_workers");
                        }
                        return null;
                    }));
                }
                for (var builder : builders) {
                    builder.get();
                }
            } finally {
                pool.shutdown();
            }
        });
        if (requests) {
            timed("open-request tally rebuilt", () -> BenchSupport.report("tm-tally groups=" + tally.rebuild()));
            timed("open-at tally rebuilt", () -> BenchSupport.report("tm-open-at-tally rows=" + openAtTally.rebuild()));
            timed("request day tally rebuilt", () -> BenchSupport.report("tm-day-tally requests="
                    + requestCounts.rebuildTally()));
        } else if (table.equals("complaint")) {
            timed("complaint day tally rebuilt", () -> BenchSupport.report("tm-day-tally complaints="
                    + complaintCounts.rebuildTally()));
        }
    }

    /** Campaigns of 50,000 answered invitations each (10 answers per response); returns the newest one. */
    private long surveys() throws Exception {
        long template = SurveyReportBench.template(templates, jdbc);
        for (int k = 0; k < CAMPAIGNS; k++) {
            String code = "TM-SURVEY-" + k;
            if (jdbc.sql("select count(*) from survey_campaign where code = :c").param("c", code).query(Long.class).single() > 0) {
                continue;
            }
            int campaignNo = k;
            timed("survey campaign " + k, () -> {
                jdbc.sql("""
                        insert into survey_campaign (code, name, template_id, period_from, period_to, deadline, status,
                          population_filter, population_size, sample_size, created_by, version, created_at, updated_at)
                        select :code, '半年度顾客满意度调查 ' || (:k + 1), :t, d, d + 181, d + 190, 'CLOSED', '{}', :n, :n,
                               'bench', 0, now(), now()
                        from (select (current_timestamp at time zone 'Asia/Shanghai')::date - :days + :k * 182 d) s""")
                        .param("code", code).param("k", campaignNo).param("t", template).param("n", RESPONSES_PER_CAMPAIGN)
                        .param("days", DAYS).update();
                long id = jdbc.sql("select id from survey_campaign where code = :c").param("c", code).query(Long.class).single();
                jdbc.sql("""
                        insert into survey_invitation (campaign_id, customer_id, customer_name, channel, language,
                          sent_at, answered_at, version)
                        select :c, t.id, '客户', 'EMAIL', 'zh-CN',
                               now() - (:days - :k * 182 - 130) * interval '1 day',
                               now() - (:days - :k * 182 - 135) * interval '1 day' + (g % 36000) * interval '1 second', 0
                        from generate_series(1, :n) g
                        cross join (select count(*) n from customer where code like 'TM%') c
                        join (select id, row_number() over (order by id) - 1 rn from customer where code like 'TM%') t
                          on t.rn = (g::bigint * 7919 + :k * 13) % c.n""")
                        .param("c", id).param("k", campaignNo).param("n", RESPONSES_PER_CAMPAIGN).param("days", DAYS).update();
                SurveyReportBench.respond(jdbc, id, template, "(r.id * 7919 + it.sort_order * 104729 + :k * 31) % 100",
                        Map.of("k", campaignNo));
            });
        }
        return jdbc.sql("select max(id) from survey_campaign where code like 'TM-SURVEY-%'").query(Long.class).single();
    }

    /** Rows, table and index sizes of the big tables: "the database ≤ 2 × the raw data size". */
    private void sizes() throws Exception {
        jdbc.sql("""
                select c.relname, c.reltuples::bigint, pg_relation_size(c.oid), pg_indexes_size(c.oid),
                       pg_total_relation_size(c.oid)
                from pg_class c where c.relname in ('service_request', 'complaint', 'callback_task', 'survey_response',
                    'survey_answer', 'survey_invitation', 'customer', 'service_request_event')
                order by pg_total_relation_size(c.oid) desc""").query((rs, n) -> {
                    try {
                        BenchSupport.report(String.format(Locale.ROOT, "tm-size %s rows=%d table=%dMB indexes=%dMB total=%dMB",
                                rs.getString(1), rs.getLong(2), rs.getLong(3) >> 20, rs.getLong(4) >> 20, rs.getLong(5) >> 20));
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                    return 0;
                }).list();
        BenchSupport.report("tm-size database=" + jdbc.sql("select pg_size_pretty(pg_database_size(current_database()))")
                .query(String.class).single());
    }

    private void measure(String name, IntFunction<String> path, String token) throws Exception {
        for (int i = 0; i < 10; i++) {
            BenchSupport.timedGet(http, port, path.apply(i + CALLS), token);
        }
        long[] took = new long[CALLS];
        for (int i = 0; i < took.length; i++) {
            took[i] = BenchSupport.timedGet(http, port, path.apply(i), token);
        }
        BenchSupport.report(BenchSupport.summary(name, took) + " load=" + load());
    }

    interface Step {
        void run() throws Exception;
    }

    private static void timed(String what, Step step) throws Exception {
        long t = System.nanoTime();
        step.run();
        BenchSupport.report(String.format(Locale.ROOT, "tm-load %s in %.1fs (load %s)", what, (System.nanoTime() - t) / 1e9,
                load()));
    }

    private static String load() throws java.io.IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim().split(" ")[0];
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
