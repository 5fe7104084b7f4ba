package com.careloop.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;

import com.careloop.customer.CustomerKind;
import com.careloop.customer.CustomerPopulation;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Survey sampling and invitation creation on a real PostgreSQL server (issue 6 "Speed": a campaign over 100,000
 * customers, sampling and invitation creation <= 5 s). Not a test: run it with
 * {@code CARELOOP_DB_URL=jdbc:postgresql://localhost:5432/careloop_campaign_bench CARELOOP_DB_USER=careloop
 * CARELOOP_DB_PASSWORD=careloop ./mvnw test -Pbench -Dtest=SurveySamplingBench}.
 * (a) 100,000 organisations, the default rule (N > 10,000: the square root, 317 invitations);
 * (b) 100,000 distributors, all surveyed in full (the worst case: 100,000 invitations, each with its own token).
 * Each is timed through the HTTP API: the draw (population query + sampling) and the send (population query +
 * sampling again from the stored seed + 100,000-row JDBC batch + commit); the population query alone too.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"careloop.demo-data=false", "careloop.admin-password=bench-admin-pw",
                "spring.datasource.hikari.maximum-pool-size=8", "careloop.survey.scan-interval=PT24H"})
class SurveySamplingBench {

    static final int CUSTOMERS = Integer.getInteger("bench.customers", 100_000);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    CustomerPopulation population;
    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void samplingAndInvitationsForAHundredThousandCustomers() throws Exception {
        seed("BENCH-ORG", "ORGANISATION");
        seed("BENCH-DIST", "DISTRIBUTOR");
        String token = BenchSupport.adminToken(http, port, "bench-admin-pw");
        for (int warm = 0; warm < 2; warm++) {
            population.members(new CustomerPopulation.Filter(java.util.Set.of(CustomerKind.ORGANISATION), null,
                    "BENCH-ORG", null, null, true));
        }
        long t = System.nanoTime();
        int members = population.members(new CustomerPopulation.Filter(java.util.Set.of(), null, "BENCH-DIST", null,
                null, true)).size();
        BenchSupport.report(String.format("survey-population members=%d took=%.0fms", members, ms(t)));
        campaign(token, "a-default-rule", "{\"region\":\"BENCH-ORG\"}");
        campaign(token, "b-distributors-in-full", "{\"kinds\":[\"DISTRIBUTOR\"],\"region\":\"BENCH-DIST\"}");
        BenchSupport.report(String.format("survey-machine cpus=%d load=%.2f heapUsed=%dMB",
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20));
    }

    private void campaign(String token, String label, String population) throws Exception {
        long template = jdbc.sql("select max(id) from survey_template where code = 'R-QP-005-01' and status = 'PUBLISHED'")
                .query(Long.class).single();
        String created = post("/api/v1/survey-campaigns", token, "{\"name\":\"bench " + label + "\",\"templateId\":"
                + template + ",\"periodFrom\":\"2026-10-01\",\"periodTo\":\"2026-12-31\",\"deadline\":\"2099-12-15\","
                + "\"population\":" + population + "}");
        long id = Long.parseLong(created.replaceAll("^\\{\"id\":(\\d+),.*", "$1"));
        long t = System.nanoTime();
        String drawn = post("/api/v1/survey-campaigns/" + id + "/draw", token, "{\"seed\":20261202}");
        double drawMs = ms(t);
        t = System.nanoTime();
        post("/api/v1/survey-campaigns/" + id + "/send", token, null);
        double sendMs = ms(t);
        long invitations = jdbc.sql("select count(*) from survey_invitation where campaign_id = :c").param("c", id)
                .query(Long.class).single();
        String n = drawn.replaceAll(".*\"population\":(\\d+),.*", "$1");
        BenchSupport.report(String.format("survey-%s N=%s invitations=%d draw=%.0fms send=%.0fms total=%.0fms",
                label, n, invitations, drawMs, sendMs, drawMs + sendMs));
    }

    /** {@value #CUSTOMERS} customers of a kind in a region of their own (once: a rerun reuses them). */
    private void seed(String region, String kind) {
        long have = jdbc.sql("select count(*) from customer where region = :r").param("r", region).query(Long.class).single();
        if (have >= CUSTOMERS) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                insert into customer (code, name, kind, email, region, segment, active, version, created_at, updated_at)
                select :prefix || lpad(cast(g as varchar), 8, '0'), '压测客户' || g, :kind,
                       'c' || g || '@' || lower(:prefix) || '.example', :region,
                       case when g % 4 = 0 then 'GOOD' when g % 4 = 1 then 'LOYAL' else null end, true, 0, :now, :now
                from generate_series(1, :n) g""")
                .param("prefix", region.endsWith("ORG") ? "BO" : "BD").param("kind", kind).param("region", region)
                .param("now", now).param("n", CUSTOMERS).update();
    }

    private String post(String path, String token, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(path + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private static double ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000.0;
    }

}
