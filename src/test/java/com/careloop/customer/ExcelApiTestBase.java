package com.careloop.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.careloop.platform.excel.XlsxExport;
import com.careloop.support.ApiTestBase;
import com.careloop.support.Multipart;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Helpers of the Excel API tests: workbooks in memory, multipart uploads, binary downloads. */
abstract class ExcelApiTestBase extends ApiTestBase {

    static final List<String> HEADERS = List.of("客户名称", "客户类型", "电话", "客户代表", "项目/小区", "区域");

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static String mobile() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static byte[] xlsx(List<String> headers, List<Object[]> rows) {
        var out = new ByteArrayOutputStream();
        try (var x = XlsxExport.open(out, "客户", headers)) {
            rows.forEach(x::row);
        }
        return out.toByteArray();
    }

    Response upload(String path, String token, String filename, byte[] content, String... headers) {
        Multipart form = new Multipart().file("file", filename, "application/octet-stream", content);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .header("Content-Type", form.contentType()).POST(form.publisher());
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            var r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.body(), r.headers().map(), json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<byte[]> download(String path, String token) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static XSSFWorkbook workbook(byte[] bytes) throws Exception {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < row.getLastCellNum(); i++) {
            cells.add(row.getCell(i) == null ? null : row.getCell(i).toString());
        }
        return cells;
    }

    int found(String q) {
        return get("/api/v1/customers?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), tokenFor("manager")).json()
                .get("items").size();
    }
}
