package com.careloop.bench;

import java.net.http.HttpClient;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

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
 * Contract review speed (issue 16) on embedded PostgreSQL. Not a test: run it with
 * {@code ./mvnw -o test -Pbench -Dtest=ContractBench -Dcareloop.bench=contracts -Dcareloop.test.db=postgres}.
 * Seeds by SQL (generate_series) 200,000 contracts with their lines, 200,000 countersign approvals with 5 tasks each
 * (1,000,000 review tasks, the last 200 contracts still under review) and a production reviewer who was a candidate on
 * one task of every contract (200,000 candidate rows, 200 of them open); then times through the HTTP API, after a
 * warm-up, {@code bench.calls} (default 200) register searches (number fragments, customer names, status filter, first
 * page), the reviewer's inbox and acceptances of a contract (outcome A: production notice + register row). The goals:
 * search and inbox p95 ≤ 50 ms, acceptance p95 ≤ 30 ms. The V100 indexes are then dropped and the search and inbox
 * timed again ("before"), and restored.
 */
@Tag("bench")
@EnabledIfSystemProperty(named = "careloop.bench", matches = "contracts")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"careloop.demo-data=false", "careloop.admin-password=bench-admin-pw",
                "spring.datasource.hikari.maximum-pool-size=8"})
class ContractBench {

    static final int CONTRACTS = Integer.getInteger("bench.contracts", 200_000);
    static final int OPEN = 200;
    static final int CALLS = Integer.getInteger("bench.calls", 200);
    static final String PASSWORD = "bench-pass-2026";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry);
    }

    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void registerSearchInboxAndAcceptanceWith200000ContractsAndAMillionReviewTasks() throws Exception {
        String admin = BenchSupport.adminToken(http, port, "bench-admin-pw");
        long dept = id(BenchSupport.post(http, port, "/api/v1/departments", admin,
                "{\"code\":\"BENCHS\",\"name\":\"基准业务部\"}", 201));
        long gm = id(BenchSupport.post(http, port, "/api/v1/users", admin, "{\"username\":\"benchgm\",\"displayName\":"
                + "\"基准总经理\",\"password\":\"" + PASSWORD + "\",\"position\":\"GENERAL_MANAGER\",\"roles\":"
                + "[\"GENERAL_MANAGER\",\"CS_MANAGER\"],\"departmentId\":" + dept + "}", 201));
        long reviewer = id(BenchSupport.post(http, port, "/api/v1/users", admin, "{\"username\":\"benchprod\","
                + "\"displayName\":\"基准生产\",\"password\":\"" + PASSWORD + "\",\"position\":\"STAFF\",\"roles\":"
                + "[\"STAFF\"],\"departmentId\":" + dept + "}", 201));
        long sales = id(BenchSupport.post(http, port, "/api/v1/users", admin, "{\"username\":\"benchsales\","
                + "\"displayName\":\"基准业务员\",\"password\":\"" + PASSWORD + "\",\"position\":\"STAFF\",\"roles\":"
                + "[\"STAFF\"],\"departmentId\":" + dept + "}", 201));
        String gmToken = BenchSupport.token(http, port, "benchgm", PASSWORD);
        String salesToken = BenchSupport.token(http, port, "benchsales", PASSWORD);
        String reviewerToken = BenchSupport.token(http, port, "benchprod", PASSWORD);
        BenchSupport.post(http, port, "/api/v1/customers", gmToken, "{\"name\":\"基准包装客户\","
                + "\"kind\":\"ORGANISATION\",\"phone\":\"051265550001\"}", 201);
        long customer = jdbc.sql("select id from customer where name = '基准包装客户'").query(Long.class).single();

        long t0 = System.nanoTime();
        seed(dept, gm, reviewer, sales, customer);
        BenchSupport.report(String.format("contract seed: %d contracts, %d review tasks in %.0f s", CONTRACTS,
                jdbc.sql("select count(*) from approval_task").query(Long.class).single(), (System.nanoTime() - t0) / 1e9));

        List<String> searches = List.of("/api/v1/contracts?limit=50", "/api/v1/contracts?q=HTB2026-01234&limit=50",
                "/api/v1/contracts?q=kh-77&limit=50", "/api/v1/contracts?q=" + enc("客户0042") + "&limit=50",
                "/api/v1/contracts?status=UNDER_REVIEW&limit=50", "/api/v1/contracts?q=" + enc("包装") + "&status=ACCEPTED&limit=50",
                "/api/v1/contracts?customerId=" + customer + "&limit=50&sort=orderDate");
        String inbox = "/api/v1/approvals/tasks?mine";
        measure("after V100", searches, inbox, gmToken, reviewerToken);

        // acceptance: repeat orders waiting for the outcome, accepted one by one (notice + register row)
        List<Long> waiting = new ArrayList<>();
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        for (int i = 0; i < CALLS + 20; i++) {
            long id = id(BenchSupport.post(http, port, "/api/v1/contracts", salesToken, "{\"customerId\":" + customer
                    + ",\"customerNumber\":\"ACC-" + i + "\",\"source\":\"REPEAT\",\"contractClass\":\"REPEAT_UNCHANGED\","
                    + "\"orderDate\":\"" + today + "\",\"deliveryDate\":\"" + today + "\",\"lines\":[{\"product\":\"纸箱\","
                    + "\"quantity\":100,\"unit\":\"只\",\"unitPrice\":2.5}]}", 201));
            BenchSupport.post(http, port, "/api/v1/contracts/" + id + "/submit", salesToken, "{}", 200);
            waiting.add(id);
        }
        long[] accept = new long[CALLS];
        for (int i = 0; i < CALLS + 20; i++) {
            long start = System.nanoTime();
            BenchSupport.post(http, port, "/api/v1/contracts/" + waiting.get(i) + "/outcome", gmToken,
                    "{\"outcome\":\"A\"}", 200);
            if (i >= 20) {
                accept[i - 20] = System.nanoTime() - start;
            }
        }
        BenchSupport.report(line("contract acceptance (outcome A + notice)", accept));

        jdbc.sql("drop index ix_contract_number_trgm").update();
        jdbc.sql("drop index ix_contract_customer_number_trgm").update();
        jdbc.sql("drop index ix_contract_customer_name_trgm").update();
        jdbc.sql("drop index ix_approval_task_open").update();
        jdbc.sql("analyze").update();
        measure("before V100 (indexes dropped)", searches, inbox, gmToken, reviewerToken);
    }

    void measure(String label, List<String> searches, String inbox, String gmToken, String reviewerToken) throws Exception {
        for (int i = 0; i < 30; i++) {
            BenchSupport.timedGet(http, port, searches.get(i % searches.size()), gmToken);
            BenchSupport.timedGet(http, port, inbox, reviewerToken);
        }
        long[] search = new long[CALLS];
        long[] box = new long[CALLS];
        for (int i = 0; i < CALLS; i++) {
            search[i] = BenchSupport.timedGet(http, port, searches.get(i % searches.size()), gmToken);
            box[i] = BenchSupport.timedGet(http, port, inbox, reviewerToken);
        }
        BenchSupport.report(line("contract register search, " + label, search));
        BenchSupport.report(line("review inbox (" + OPEN + " open of 200,000 tasks), " + label, box));
    }

    static String line(String what, long[] nanos) {
        return String.format("%s: n=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms", what, nanos.length,
                BenchSupport.percentileMs(nanos, 50), BenchSupport.percentileMs(nanos, 95),
                BenchSupport.percentileMs(nanos, 99));
    }

    void seed(long dept, long gm, long reviewer, long sales, long customer) {
        jdbc.sql("""
                insert into contract (number, review_number, customer_id, customer_name, customer_number, source,
                  contract_class, order_date, delivery_date, payment_terms, salesperson_id, salesperson_name, department_id,
                  region, total_amount, currency, major, status, review_stage, countersign_result, outcome, registered_by,
                  registered_by_name, registered_at, submitted_at, accepted_at, version)
                select 'HTB2026-' || lpad(g::text, 6, '0'), 'HTR' || g, :customer,
                  case when g % 3 = 0 then '基准包装客户' else '客户' || lpad((g % 5000)::text, 4, '0') || '包装有限公司' end,
                  'KH-' || (g % 9973) || '-' || g, 'WRITTEN', case when g % 4 = 0 then 'SPECIAL' else 'REGULAR' end,
                  date '2024-01-01' + (g % 1000), date '2024-02-01' + (g % 1000), '月结60天', :sales, '基准业务员', :dept,
                  '华东', 1000 + g % 90000, 'CNY', false,
                  case when g > :n - :open then 'UNDER_REVIEW' else 'ACCEPTED' end,
                  case when g > :n - :open then 'COUNTERSIGN' else 'DONE' end,
                  case when g > :n - :open then null else 'APPROVED' end,
                  case when g > :n - :open then null else 'A' end, :sales, '基准业务员',
                  timestamp with time zone '2024-01-01 09:00+08' + (g % 1000) * interval '1 day',
                  timestamp with time zone '2024-01-01 10:00+08' + (g % 1000) * interval '1 day',
                  case when g > :n - :open then null else timestamp with time zone '2024-01-02 10:00+08' + (g % 1000) * interval '1 day' end, 0
                from generate_series(1, :n) g""")
                .param("customer", customer).param("sales", sales).param("dept", dept).param("n", CONTRACTS)
                .param("open", OPEN).update();
        jdbc.sql("""
                insert into contract_line (contract_id, line_no, product, spec, quantity, unit, unit_price, amount)
                select c.id, 1, case when c.id % 2 = 0 then '三层瓦楞纸箱' else '彩印包装盒' end, 'A' || (c.id % 50), 100, '只',
                  2.50, 250.00 from contract c where c.number like 'HTB2026-%'""").update();
        jdbc.sql("""
                insert into approval (subject_type, subject_id, subject_number, subject_title, subject_link,
                  subject_department_id, chain_code, chain_version, stages, current_stage, status, requester_id,
                  requester_name, started_at, last_action_at, completed_at, version)
                select 'contract-review', c.id, c.review_number, '{"code":"contract.approval.title","args":["' || c.number || '"]}',
                  '/contracts/' || c.id, :dept, 'contract.REGULAR', 0, '[]', 0,
                  case when c.status = 'UNDER_REVIEW' then 'OPEN' else 'APPROVED' end, :sales, '基准业务员',
                  c.submitted_at, c.submitted_at, case when c.status = 'UNDER_REVIEW' then null else c.accepted_at end, 0
                from contract c where c.number like 'HTB2026-%'""").param("dept", dept).param("sales", sales).update();
        jdbc.sql("""
                insert into approval_task (approval_id, stage_no, step_no, assignee_kind, assignee_ref, aspect_code, status,
                  created_at, due_at, remind_at, decision, decided_by, decided_by_name, decided_at, version)
                select a.id, 0, s, 'DEPARTMENT', 'BENCHS', 'contract.aspect.CAPACITY_DELIVERY',
                  case when a.status = 'OPEN' then 'OPEN' else 'DONE' end, a.started_at,
                  case when a.status = 'OPEN' then current_timestamp + interval '30 days' else a.started_at + interval '1 day' end,
                  case when a.status = 'OPEN' then current_timestamp + interval '20 days' else a.started_at + interval '20 hours' end,
                  case when a.status = 'OPEN' then null else 'APPROVE' end,
                  case when a.status = 'OPEN' then null else :gm end, case when a.status = 'OPEN' then null else '基准总经理' end,
                  case when a.status = 'OPEN' then null else a.started_at + interval '3 hours' end, 0
                from approval a cross join generate_series(0, 4) s where a.subject_type = 'contract-review'
                  and a.subject_number like 'HTR%'""").param("gm", gm).update();
        jdbc.sql("""
                insert into approval_task_candidate (task_id, user_id)
                select t.id, case when t.step_no = 0 then :reviewer else :gm end from approval_task t
                join approval a on a.id = t.approval_id where a.subject_number like 'HTR%'""")
                .param("reviewer", reviewer).param("gm", gm).update();
        jdbc.sql("analyze").update();
    }

    static long id(String json) {
        return Long.parseLong(json.replaceAll("(?s)^.*?\"id\"\\s*:\\s*(\\d+).*$", "$1"));
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
