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
 * dates over three years, a serial on every fifth row); then 360 timed searches through the HTTP API after 50
 * warm-up calls: by product, product + mode, mode, part, serial, a date range, a customer, unfiltered and product +
 * one year, a third each on the first page, on the next page ({@code nextCursor}) and back on the page before it
 * ({@code previousCursor}); the p95 overall and per filter shape. Server time: the request's round trip on
 * loopback, client and server in one JVM. Run with
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
        // The monthly rollup the recurrence flag reads, filled as migration V118 does for existing rows.
        jdbc.sql("""
                insert into failure_month (product, mode_code, month_start, failures, last_on)
                select product, mode_code, cast(date_trunc('month', failed_on) as date), count(*), max(failed_on)
                from product_failure group by product, mode_code, cast(date_trunc('month', failed_on) as date)""")
                .update();
        jdbc.sql("vacuum analyze product_failure").update();
        jdbc.sql("analyze failure_month").update();
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        String token = BenchSupport.adminToken(http, port, "bench-admin-pw");
        String base = "/api/v1/product-failures?limit=50";
        java.time.LocalDate today = java.time.LocalDate.now();
        java.util.Map<String, String> shapes = new java.util.LinkedHashMap<>();
        shapes.put("product", "&product=P-17");
        shapes.put("product+mode", "&product=P-1234&mode=LEAK");
        shapes.put("mode", "&mode=WEAR");
        shapes.put("part", "&part=part-7");
        shapes.put("serial", "&serial=SN1000");
        shapes.put("30 days", "&from=" + today.minusDays(30) + "&to=" + today);
        shapes.put("customer", "&customerId=42");
        shapes.put("unfiltered", "");
        shapes.put("product+year", "&product=P-88&from=" + today.minusYears(1));
        java.util.List<String> names = java.util.List.copyOf(shapes.keySet());
        for (int i = 0; i < 50; i++) {
            BenchSupport.timedGet(http, port, base + shapes.get(names.get(i % names.size())), token);
        }
        // every shape on its first page, the next page (nextCursor) and back (previousCursor of the next page)
        int calls = Integer.getInteger("bench.failureCalls", 360);
        long[] nanos = new long[calls];
        java.util.Map<String, java.util.List<Long>> perShape = new java.util.LinkedHashMap<>();
        for (int i = 0; i < calls; i++) {
            String shape = names.get(i % names.size());
            String q = shapes.get(shape);
            if ("product".equals(shape)) {
                q = "&product=P-" + (i * 37 % 2000);
            }
            String path = base + q;
            int step = (i / names.size()) % 3;
            if (step > 0) {
                String next = cursor(get(path, token), "nextCursor");
                if (next != null) {
                    path = base + q + "&cursor=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
                    String previous = step == 2 ? cursor(get(path, token), "previousCursor") : null;
                    if (previous != null) {
                        path = base + q + "&cursor=" + URLEncoder.encode(previous, StandardCharsets.UTF_8);
                    }
                }
            }
            nanos[i] = BenchSupport.timedGet(http, port, path, token);
            perShape.computeIfAbsent(shape, k -> new java.util.ArrayList<>()).add(nanos[i]);
        }
        StringBuilder shapesReport = new StringBuilder();
        perShape.forEach((shape, list) -> shapesReport.append(String.format(java.util.Locale.ROOT, " [%s p95=%.1fms]",
                shape, BenchSupport.percentileMs(list.stream().mapToLong(Long::longValue).toArray(), 95))));
        BenchSupport.report(String.format("failure-search rows=%d load=%.1fs %s db=%s%s", ROWS, loadSeconds,
                BenchSupport.summary("search", nanos), TestDatabases.onPostgres() ? "embedded PostgreSQL" : "H2",
                shapesReport));
    }

    /** A cursor of a list answer ({@code nextCursor}, {@code previousCursor}), or null. */
    private static String cursor(String json, String name) {
        int at = json.indexOf("\"" + name + "\":\"");
        return at < 0 ? null : json.substring(at + name.length() + 4, json.indexOf('"', at + name.length() + 4));
    }

    private String get(String path, String token) throws Exception {
        var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        return r.body();
    }
}
