package com.careloop.bench;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import com.careloop.property.register.PropertyInspectionJob;
import com.careloop.support.TestDatabases;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Customer property and sample registers at size (issue 17) on embedded PostgreSQL. Not a test: run it with
 * {@code ./mvnw -o test -Pbench -Dtest=PropertyBench -Dcareloop.bench=property -Dcareloop.test.db=postgres}.
 * Seeds by SQL (generate_series) 500,000 property items (all held, a tenth owned by a second department) and 200,000
 * samples with one dispatched round each; then times through the HTTP API, after a warm-up, {@code bench.calls}
 * (default 200) register searches of each register (first page, number / name / marking / tracking-number fragments,
 * customer, status, location, department, sent dates) as the general manager (whole company) and a department head
 * (own department). Goal: p95 ≤ 50 ms. Then the half-yearly inspection job runs on the 500,000 items while another
 * thread keeps reading the register page and items and signing nothing: goal ≤ 60 s for the job and no read held up
 * by it (the reads' p95/max during the job are reported). A second run opens nothing and is timed too.
 */
@Tag("bench")
@EnabledIfSystemProperty(named = "careloop.bench", matches = "property")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"careloop.demo-data=false", "careloop.admin-password=bench-admin-pw",
                "spring.datasource.hikari.maximum-pool-size=8"})
class PropertyBench {

    static final int ITEMS = Integer.getInteger("bench.items", 500_000);
    static final int SAMPLES = Integer.getInteger("bench.samples", 200_000);
    static final int CALLS = Integer.getInteger("bench.calls", 200);
    static final String PASSWORD = "bench-pass-2026";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry);
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PropertyInspectionJob job;
    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void registerSearchesAndTheHalfYearlyJobWith500000ItemsAnd200000Samples() throws Exception {
        String admin = BenchSupport.adminToken(http, port, "bench-admin-pw");
        long prod = ContractBench.id(BenchSupport.post(http, port, "/api/v1/departments", admin,
                "{\"code\":\"BENCHP\",\"name\":\"基准生产部\"}", 201));
        long tech = ContractBench.id(BenchSupport.post(http, port, "/api/v1/departments", admin,
                "{\"code\":\"BENCHT\",\"name\":\"基准技术部\"}", 201));
        long gm = ContractBench.id(BenchSupport.post(http, port, "/api/v1/users", admin, "{\"username\":\"benchgm\","
                + "\"displayName\":\"基准总经理\",\"password\":\"" + PASSWORD + "\",\"position\":\"GENERAL_MANAGER\","
                + "\"roles\":[\"GENERAL_MANAGER\",\"CS_MANAGER\"],\"departmentId\":" + prod + "}", 201));
        BenchSupport.post(http, port, "/api/v1/users", admin, "{\"username\":\"benchhead\",\"displayName\":\"基准技术部长\","
                + "\"password\":\"" + PASSWORD + "\",\"position\":\"DEPT_HEAD\",\"roles\":[\"DEPT_HEAD\"],\"departmentId\":"
                + tech + "}", 201);
        String gmToken = BenchSupport.token(http, port, "benchgm", PASSWORD);
        String headToken = BenchSupport.token(http, port, "benchhead", PASSWORD);
        BenchSupport.post(http, port, "/api/v1/customers", gmToken, "{\"name\":\"基准模具客户\","
                + "\"kind\":\"ORGANISATION\",\"phone\":\"051265550001\"}", 201);
        BenchSupport.post(http, port, "/api/v1/customers", gmToken, "{\"name\":\"基准小客户\","
                + "\"kind\":\"ORGANISATION\",\"phone\":\"051265550002\"}", 201);
        long big = jdbc.sql("select id from customer where name = '基准模具客户'").query(Long.class).single();
        long small = jdbc.sql("select id from customer where name = '基准小客户'").query(Long.class).single();

        long t0 = System.nanoTime();
        seed(prod, tech, gm, big, small);
        BenchSupport.report(String.format("property seed: %d items, %d samples in %.0f s", ITEMS, SAMPLES,
                (System.nanoTime() - t0) / 1e9));

        List<String> properties = List.of("/api/v1/customer-properties?limit=50",
                "/api/v1/customer-properties?q=GCB2026-012345&limit=50",
                "/api/v1/customer-properties?q=" + ContractBench.enc("模具0042") + "&limit=50",
                "/api/v1/customer-properties?q=" + ContractBench.enc("钢印-77") + "&limit=50",
                "/api/v1/customer-properties?customerId=" + small + "&limit=50",
                "/api/v1/customer-properties?status=HELD&kind=TOOLING&limit=50",
                "/api/v1/customer-properties?location=" + ContractBench.enc("A-05") + "&limit=50",
                "/api/v1/customer-properties?departmentId=" + tech + "&limit=50",
                "/api/v1/customer-properties?status=RETURNED&limit=50",
                "/api/v1/customer-properties?sort=receivedOn&limit=50");
        List<String> samples = List.of("/api/v1/samples?limit=50", "/api/v1/samples?q=YPB2026-1234&limit=50",
                "/api/v1/samples?q=sf00099&limit=50", "/api/v1/samples?q=" + ContractBench.enc("瓶盖样品07") + "&limit=50",
                "/api/v1/samples?customerId=" + small + "&limit=50", "/api/v1/samples?status=SEALED&limit=50",
                "/api/v1/samples?status=SENT&limit=50",
                "/api/v1/samples?sentFrom=2025-03-01&sentTo=2025-03-31&limit=50");
        measure("customer property register search (gm)", properties, gmToken);
        explain("%钢印-77%");
        explain("%模具0042%");
        measure("customer property register search (dept head)", properties, headToken);
        measure("sample register search (gm)", samples, gmToken);
        measure("sample register search (dept head)", samples, headToken);

        // the half-yearly job on 500,000 held items while the register is read
        long maxId = jdbc.sql("select max(id) from customer_property").query(Long.class).single();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Long> pages = new ArrayList<>();
        List<Long> items = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try {
                while (running.get()) {
                    long id = maxId - ThreadLocalRandom.current().nextLong(ITEMS / 2);
                    long a = BenchSupport.timedGet(http, port, "/api/v1/customer-properties?limit=50", gmToken);
                    long b = BenchSupport.timedGet(http, port, "/api/v1/customer-properties/" + id, gmToken);
                    synchronized (pages) {
                        pages.add(a);
                        items.add(b);
                    }
                    Thread.sleep(50);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "bench-reader");
        reader.start();
        long start = System.nanoTime();
        PropertyInspectionJob.Run run = job.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        running.set(false);
        reader.join();

        BenchSupport.report(String.format("half-yearly inspection job: %d tasks opened in %.1f s (goal 60 s)",
                run.opened(), seconds));
        BenchSupport.report(BenchSupport.summary("register page reads during the job",
                pages.stream().mapToLong(Long::longValue).toArray()));
        BenchSupport.report(BenchSupport.summary("item reads during the job",
                items.stream().mapToLong(Long::longValue).toArray()));
        start = System.nanoTime();
        PropertyInspectionJob.Run again = job.run();
        BenchSupport.report(String.format("second run of the job: %d opened in %.1f s", again.opened(),
                (System.nanoTime() - start) / 1e9));
        jdbc.sql("analyze").update();
        measure("customer property register search after the job (gm)", properties, gmToken);
        measure("inspection list of a department (dept head)", List.of("/api/v1/customer-properties/inspections"),
                headToken);
    }

    void measure(String label, List<String> paths, String token) throws Exception {
        for (int i = 0; i < 30; i++) {
            BenchSupport.timedGet(http, port, paths.get(i % paths.size()), token);
        }
        long[] all = new long[CALLS];
        long[][] per = new long[paths.size()][CALLS / paths.size() + 1];
        int[] n = new int[paths.size()];
        for (int i = 0; i < CALLS; i++) {
            int p = i % paths.size();
            all[i] = BenchSupport.timedGet(http, port, paths.get(p), token);
            per[p][n[p]++] = all[i];
        }
        BenchSupport.report(ContractBench.line(label, all));
        for (int p = 0; p < paths.size(); p++) {
            BenchSupport.report("  " + BenchSupport.summary(paths.get(p), java.util.Arrays.copyOf(per[p], n[p])));
        }
    }

    /** The plan of the register's text search (the core of CustomerProperties.search) for the record. */
    void explain(String q) throws Exception {
        for (String line : jdbc.sql("""
                explain (analyze, buffers) select i.id from customer_property i
                where (lower(i.code) like :q or lower(i.item_name) like :q or lower(i.marking) like :q)
                order by i.id desc limit 51""").param("q", q.toLowerCase(java.util.Locale.ROOT)).query(String.class).list()) {
            BenchSupport.report("  plan " + q + ": " + line);
        }
    }

    void seed(long prod, long tech, long gm, long big, long small) {
        jdbc.sql("""
                insert into customer_property (code, customer_id, kind, item_name, spec, quantity, unit, received_on,
                  receiver_name, verification, marking, storage_location, owning_department_id, holder_department_id,
                  confidential, status, registered_by, registered_by_name, version, created_at, updated_at)
                select 'GCB2026-' || lpad(g::text, 6, '0'), case when g % 1000 = 0 then :small else :big end,
                  (array['MATERIAL','PART','TOOLING','MEASURING_EQUIPMENT','DRAWING_SPEC','SAMPLE'])[1 + g % 6],
                  case when g % 2 = 0 then '注塑模具' else '印版辊筒' end || lpad((g % 10000)::text, 4, '0'),
                  'M-' || (g % 300), 1 + g % 5, '套', date '2024-01-01' + (g % 600), '基准接收人', 'PASSED',
                  '钢印-' || g, (array['模具库 A-0','印版库 B-0','仓库 C-0'])[1 + g % 3] || (g % 9 + 1),
                  case when g % 10 = 0 then :tech else :prod end, case when g % 10 = 0 then :tech else :prod end,
                  false, 'HELD', :gm, '基准总经理', 0, current_timestamp, current_timestamp
                from generate_series(1, :n) g""")
                .param("small", small).param("big", big).param("prod", prod).param("tech", tech).param("gm", gm)
                .param("n", ITEMS).update();
        // a few returned items (history of the register), not held: the job passes them by
        jdbc.sql("""
                insert into customer_property (code, customer_id, kind, item_name, quantity, unit, received_on,
                  receiver_name, owning_department_id, holder_department_id, confidential, status, ended_on,
                  registered_by, registered_by_name, version, created_at, updated_at)
                select 'GCB2023-' || lpad(g::text, 6, '0'), :big, 'TOOLING', '旧模具' || g, 1, '套', date '2023-01-01',
                  '基准接收人', :prod, :prod, false, 'RETURNED', date '2023-06-01', :gm, '基准总经理', 0,
                  current_timestamp, current_timestamp
                from generate_series(1, 2000) g""").param("big", big).param("prod", prod).param("gm", gm).update();
        jdbc.sql("""
                insert into sample (code, customer_id, item_name, spec, quantity, unit, required_on, salesperson_id,
                  salesperson_name, sales_department_id, production_department_id, quality_department_id, status,
                  round_no, sealed_location, sealed_until, sealed_by, sealed_on, version, created_at, updated_at)
                select 'YPB2026-' || lpad(g::text, 6, '0'), case when g % 1000 = 0 then :small else :big end,
                  '瓶盖样品' || lpad((g % 10000)::text, 4, '0'), 'Φ' || (20 + g % 20), 50, '只',
                  date '2025-01-01' + (g % 400), :gm, '基准总经理', :prod, :prod, case when g % 10 = 0 then :tech else :prod end,
                  case when g % 50 = 0 then 'SENT' when g % 7 = 0 then 'APPROVED' else 'SEALED' end, 1,
                  case when g % 50 = 0 or g % 7 = 0 then null else '封样柜' end,
                  case when g % 50 = 0 or g % 7 = 0 then null else date '2028-01-01' end,
                  case when g % 50 = 0 or g % 7 = 0 then null else '基准总经理' end,
                  case when g % 50 = 0 or g % 7 = 0 then null else date '2025-02-01' + (g % 400) end,
                  0, current_timestamp, current_timestamp
                from generate_series(1, :n) g""")
                .param("small", small).param("big", big).param("prod", prod).param("tech", tech).param("gm", gm)
                .param("n", SAMPLES).update();
        jdbc.sql("""
                insert into sample_round (sample_id, round_no, made_on, quantity_made, parameters, made_by, inspection_code,
                  inspection_passed, inspector_name, inspected_on, received_on, quantity_sent, sent_on, courier,
                  tracking_no, dispatched_by, confirmation, confirmed_on, confirmed_via)
                select s.id, 1, s.required_on - 5, 50, '注塑温度 210', '基准', 'YJB' || s.id, true, '基准质检',
                  s.required_on - 4, s.required_on - 4, 50, s.required_on - 3, '顺丰', 'SF' || lpad(s.id::text, 8, '0'),
                  '基准总经理', case when s.status = 'SENT' then null else 'APPROVED' end,
                  case when s.status = 'SENT' then null else s.required_on end,
                  case when s.status = 'SENT' then null else 'PHONE' end
                from sample s where s.code like 'YPB%'""").update();
        // the current round, as the service keeps it (V184: the register's key under a status filter)
        jdbc.sql("""
                update sample set current_round_id = (select r.id from sample_round r
                  where r.sample_id = sample.id and r.round_no = sample.round_no) where code like 'YPB%'""").update();
        // last half-year's inspections, done: a register in use has them (and the planner's statistics know them)
        jdbc.sql("""
                insert into customer_property_inspection (item_id, period_start, department_id, due_on, status, present,
                  item_condition, inspected_by, inspected_at, created_at, version)
                select i.id, date '2026-01-01', i.owning_department_id, date '2026-01-29', 'DONE', true, 'GOOD', '基准',
                  timestamp with time zone '2026-01-20 10:00+08', timestamp with time zone '2026-01-02 06:15+08', 0
                from customer_property i where i.status = 'HELD'""").update();
        jdbc.sql("analyze").update();
    }
}
