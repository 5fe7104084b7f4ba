package com.careloop.bench;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;

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
 * The product failure history search at 1,000,000 failure rows on embedded PostgreSQL (issue 20: server time p95 ≤
 * 50 ms). Rows come from one {@code INSERT … SELECT generate_series} (2,000 products × 40 parts, the 11 modes,
 * dates over three years, a serial on every fifth row); then 300 timed searches through the HTTP API after 50
 * warm-up calls: by product, product + mode, mode, part, serial, a date range, a customer, and unfiltered, half of
 * them on the second page (cursor). Run with
 * {@code ./mvnw test -Pbench -Dtest=FailureSearchBench -Dcareloop.bench=failures -Dcareloop.test.db=postgres}.
 */
@Tag("bench")
@EnabledIfSystemProperty(named = "careloop.bench", matches = "failures")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"careloop.demo-data=false", "careloop.admin-password=bench-admin-pw"})
class FailureSearchBench {

    static final int ROWS = Integer.getInteger("bench.failureRows", 1_000_000);

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
    void searchTheFailureHistory() throws Exception {
        long start = System.nanoTime();
        jdbc.sql("""
                insert into product_failure (product, part, serial_no, batch_no, failed_on, mode_code, description,
                    source_type, source_id, source_code, customer_id, customer_name, recorded_by, created_at)
                select 'P-' || (g % 2000), 'part-' || (g % 40),
                       case when g % 5 = 0 then 'SN' || g end, 'B' || (g % 5000),
                       current_date - (g % 1095),
                       (array['ELECTRICAL','WEAR','LEAK','NOISE','OVERHEAT','CORROSION','DIMENSION','CRACK','SOFTWARE',
                              'ASSEMBLY','OTHER'])[1 + (g * 7 % 11)],
                       'bench', 'REQUEST', g, 'BENCH-' || g, 1 + g % 3000, 'customer ' || (g % 3000), 'bench', now()
                from generate_series(1, :rows) g""").param("rows", ROWS).update();
        jdbc.sql("analyze product_failure").update();
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        String token = BenchSupport.adminToken(http, port, "bench-admin-pw");
        String base = "/api/v1/product-failures?limit=50";
        String[] queries = {
                "&product=P-17", "&product=P-1234&mode=LEAK", "&mode=WEAR", "&part=part-7", "&serial=SN1000",
                "&from=" + java.time.LocalDate.now().minusDays(30) + "&to=" + java.time.LocalDate.now(),
                "&customerId=42", "", "&product=P-88&from=" + java.time.LocalDate.now().minusYears(1)};
        for (int i = 0; i < 50; i++) {
            BenchSupport.timedGet(http, port, base + queries[i % queries.length], token);
        }
        long[] nanos = new long[300];
        for (int i = 0; i < nanos.length; i++) {
            String q = queries[i % queries.length];
            if (q.startsWith("&product=P-17")) {
                q = "&product=P-" + (i * 37 % 2000);
            }
            String path = base + q;
            if (i % 2 == 1) {
                String first = get(path, token);
                int at = first.indexOf("\"nextCursor\":\"");
                if (at > 0) {
                    String cursor = first.substring(at + 14, first.indexOf('"', at + 14));
                    path = path + "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
                }
            }
            nanos[i] = BenchSupport.timedGet(http, port, path, token);
        }
        BenchSupport.report(String.format("failure-search rows=%d load=%.1fs %s db=%s", ROWS, loadSeconds,
                BenchSupport.summary("search", nanos), TestDatabases.onPostgres() ? "embedded PostgreSQL" : "H2"));
    }

    private String get(String path, String token) throws Exception {
        var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        return r.body();
    }
}
