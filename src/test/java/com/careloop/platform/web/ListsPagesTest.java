package com.careloop.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.careloop.support.ApiTestBase;
import com.careloop.support.PageSession;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pages of issue 14 §4 in the three languages: sortable headers and the export link on every list (same filters
 * and sort), the search box and its results page, an exact number opening its record, and the page export of the
 * queue as a real workbook.
 */
class ListsPagesTest extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyListHasSortableHeadersAndAnExportOfTheSameQueryInEachLanguage() {
        PageSession s = new PageSession(port);
        s.login("manager", DEMO_PASSWORD);
        var lists = java.util.Map.of("/service-requests", "status=REGISTERED", "/complaints", "status=RECEIVED",
                "/capa", "status=OPEN", "/callbacks", "tab=OPEN", "/claims", "status=REGISTERED");
        var export = java.util.Map.of("zh-CN", "导出 Excel", "zh-TW", "匯出 Excel", "en", "Export to Excel");
        var searchBox = java.util.Map.of("zh-CN", "搜索单号、电话或客户名称", "zh-TW", "搜尋單號、電話或客戶名稱",
                "en", "Search number, phone or customer");
        for (String lang : List.of("zh-CN", "zh-TW", "en")) {
            lists.forEach((list, filter) -> {
                PageSession.Page page = s.get(list + "?" + filter + "&sort=-code&lang=" + lang);
                assertThat(page.status()).as(list).isEqualTo(200);
                assertThat(page.body()).as(list + " " + lang).contains("aria-sort=\"descending\"", "id=\"sort-code\"",
                        list + "/export?" + filter + "&amp;sort=-code", export.get(lang), searchBox.get(lang));
            });
        }
    }

    @Test
    void theSearchBoxOpensAnExactNumberAndListsWhatANameFinds() {
        PageSession s = new PageSession(port);
        s.login("manager", DEMO_PASSWORD);
        var complaint = jdbc.sql("select id, code, customer_name from complaint order by id limit 1")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).single();
        PageSession.Page exact = s.get("/search?q=" + complaint[1]);
        assertThat(exact.status()).isEqualTo(302);
        assertThat(exact.location()).endsWith("/complaints/" + complaint[0]);

        PageSession.Page byName = s.get("/search?lang=en&q=" + URLEncoder.encode(complaint[2], StandardCharsets.UTF_8));
        assertThat(byName.status()).isEqualTo(200);
        assertThat(byName.body()).contains("id=\"search-results\"", complaint[1], "Complaint");
        PageSession.Page none = s.get("/search?lang=zh-TW&q=" + URLEncoder.encode("查無此人zz", StandardCharsets.UTF_8));
        assertThat(none.body()).contains("沒有找到與「查無此人zz」相符的記錄");
    }

    @Test
    void theQueuePageExportIsAWorkbook() throws Exception {
        PageSession s = new PageSession(port);
        s.login("manager", DEMO_PASSWORD);
        var r = s.download("/service-requests/export?sort=-registeredAt");
        assertThat(r.statusCode()).isEqualTo(200);
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(r.body()))) {
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("工单号");
        }
    }
}
