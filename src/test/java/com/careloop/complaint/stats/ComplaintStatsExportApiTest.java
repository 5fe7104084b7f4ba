package com.careloop.complaint.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.careloop.support.ApiTestBase;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The statistics table and the annual summary as .xlsx, read back: numbers stay numbers; each export is audited. */
class ComplaintStatsExportApiTest extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void data() {
        StatsFixture.ensure(jdbc);
    }

    HttpResponse<byte[]> download(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Accept-Language", "zh-CN").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static List<Object> cells(Row row) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < row.getLastCellNum(); i++) {
            Cell c = row.getCell(i);
            values.add(c == null ? null : c.getCellType() == CellType.NUMERIC ? (Object) c.getNumericCellValue()
                    : c.getStringCellValue());
        }
        return values;
    }

    long exports() {
        return jdbc.sql("select count(*) from audit_event where record_type = 'complaint-stats-export'")
                .query(Long.class).single();
    }

    @Test
    void theTableExportsWithItsFiguresAndIsAudited() throws Exception {
        long before = exports();
        var r = download("/api/v1/complaints/statistics/export?from=2015-01-01&to=2015-12-31&groupBy=CATEGORY",
                tokenFor("gm"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Disposition").orElse(""))
                .contains("complaint-statistics-2015-01-01-2015-12-31.xlsx");
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(cells(sheet.getRow(0))).startsWith("投诉类别", "投诉数", "占比", "重大投诉", "重复投诉", "重复投诉率");
            assertThat(sheet.getLastRowNum()).isEqualTo(5); // header, 4 categories, total
            assertThat(cells(sheet.getRow(1))).containsExactly("产品质量", 4.0, 0.5, 1.0, 2.0, 0.5, 0.75, 0.75, 0.75, 4.0,
                    3.75, cells(sheet.getRow(1)).get(11));
            assertThat((Double) cells(sheet.getRow(1)).get(11)).isCloseTo(5.4, org.assertj.core.api.Assertions.within(1e-9));
            List<Object> total = cells(sheet.getRow(5));
            assertThat(total.subList(0, 10)).containsExactly("合计", 8.0, 1.0, 2.0, 2.0, 0.25, 0.75, 0.625, 0.5, 6.0);
        }
        assertThat(exports()).isEqualTo(before + 1);
        String changes = jdbc.sql("select changes from audit_event where record_type = 'complaint-stats-export'"
                + " order by id desc limit 1").query(String.class).single();
        assertThat(changes).contains("groupBy=CATEGORY").contains("2015-01-01");
        assertThat(download("/api/v1/complaints/statistics/export", tokenFor("staff")).statusCode()).isEqualTo(403);
    }

    @Test
    void theAnnualSummaryExportsSectionBySection() throws Exception {
        var r = download("/api/v1/complaints/annual/export?year=2015", tokenFor("quality"));
        assertThat(r.statusCode()).isEqualTo(200);
        List<List<Object>> rows = new ArrayList<>();
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("年度投诉汇总（管理评审输入） 2015");
            for (Row row : sheet) {
                rows.add(cells(row));
            }
        }
        assertThat(rows.get(1).subList(0, 2)).containsExactly("合计", 8.0);
        assertThat(rows).anySatisfy(row -> assertThat(row).startsWith("2015-02", 1.0));
        assertThat(rows).anySatisfy(row -> assertThat(row).startsWith("重大", 2.0));
        assertThat(rows).anySatisfy(row -> assertThat(row).containsExactly("工艺", 4.0, 0.5, 0.5, "是"));
        assertThat(rows).anySatisfy(row -> assertThat(row).containsExactly("统计客户1", "STK1", 3.0, 1.0));
        assertThat(rows).anySatisfy(row -> assertThat(row).containsExactly("每千笔订单投诉率", 500.0));
    }
}
