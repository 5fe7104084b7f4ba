package com.careloop.bench;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import com.careloop.platform.excel.XlsxExport;
import com.careloop.support.Multipart;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Imports a generated 10,000-row customer file through the HTTP API (validation, duplicate look-ups
 * against the archive, record numbers and audit entries included) and reports the time. Not a
 * test: run it with
 * {@code CARELOOP_DB_URL=jdbc:postgresql://localhost:5432/careloop_bench CARELOOP_DB_USER=careloop
 * CARELOOP_DB_PASSWORD=careloop ./mvnw test -Pbench -Dtest=CustomerImportBench} (or without the
 * variables, on the embedded H2 file database). Target (issue 3): 10,000 rows in at most 10 s.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"careloop.demo-data=false", "careloop.admin-password=bench-admin-pw"})
class CustomerImportBench {

    static final int ROWS = Integer.getInteger("bench.importRows", 10_000);

    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void importTenThousandCustomers() throws Exception {
        byte[] file = file();
        String token = BenchSupport.adminToken(http, port, "bench-admin-pw");
        long archive = jdbc.sql("select count(*) from customer").query(Long.class).single();
        Multipart form = new Multipart().file("file", "bench.xlsx", "application/octet-stream", file);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/customers/imports"))
                .header("Authorization", "Bearer " + token).header("Content-Type", form.contentType())
                .POST(form.publisher()).build();
        long start = System.nanoTime();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - start) / 1e9;
        if (r.statusCode() != 201 || !r.body().contains("\"imported\":" + ROWS + ",")) {
            throw new IllegalStateException(r.statusCode() + " " + r.body().substring(0, Math.min(2000, r.body().length())));
        }
        String db = System.getenv().getOrDefault("CARELOOP_DB_URL", "embedded H2");
        BenchSupport.report(String.format("customer-import rows=%d file=%dKB archive-before=%d took=%.2fs (%.0f rows/s) db=%s",
                ROWS, file.length / 1024, archive, seconds, ROWS / seconds, db));
    }

    /** Realistic rows: Chinese names, kinds by label, unique mobile numbers and a contact (demo-data off: no representatives). */
    private static byte[] file() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String[] surnames = {"张", "王", "李", "赵", "陈", "刘", "杨", "黄", "周", "吴"};
        String[] kinds = {"单位客户", "个人（业主/住户/消费者）", "经销商", "主机厂（OEM）"};
        long phoneBase = 17_000_000_000L + (Math.abs(run.hashCode()) % 900) * 1_000_000L;
        var out = new ByteArrayOutputStream();
        try (var x = XlsxExport.open(out, "客户", List.of("客户名称*", "客户类型*", "电话", "电子邮箱", "项目/小区", "房号",
                "区域", "客户代表", "联系人", "联系人电话"))) {
            for (int i = 0; i < ROWS; i++) {
                x.row(surnames[i % 10] + "导入" + run + "-" + i, kinds[i % 4], String.valueOf(phoneBase + i),
                        "c" + i + "@bench.example", "翠湖花园", (1 + i % 30) + "-" + (100 + i % 900), "苏州", null,
                        "联系人" + i, String.valueOf(phoneBase + 500_000 + i));
            }
        }
        return out.toByteArray();
    }
}
