package com.careloop.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.careloop.support.KeysetPages;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Claims, CAPA and the callback desk (issue 14 §4): sort by a column, keyset paging under it, export as shown. */
class OtherListsSortApiTest extends ComplaintTestBase {

    @Autowired
    Clock clock;

    long created(String user, String path, String body) {
        Response r = post(path, tokenFor(user), j(body));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    List<Long> ids(String path) {
        Response r = get(path, tokenFor("manager"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        r.json().get("items").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }

    @Test
    void claimsSortByAmountAndExportInThatOrder() throws Exception {
        long customer = customer();
        String claim = "{'customerId':" + customer + ",'product':'纸箱','description':'受潮','claimedAmount':";
        long mid = created("complaints", "/api/v1/claims", claim + "200}");
        long high = created("complaints", "/api/v1/claims", claim + "300}");
        long low = created("complaints", "/api/v1/claims", claim + "100}");
        String list = "/api/v1/claims?customerId=" + customer;

        assertThat(ids(list + "&sort=claimedAmount")).containsExactly(low, mid, high);
        assertThat(ids(list + "&sort=-claimedAmount")).containsExactly(high, mid, low);
        assertThat(ids(list)).containsExactly(low, high, mid);
        assertThat(KeysetPages.ids(p -> get(p, tokenFor("manager")), list + "&sort=-claimedAmount&limit=1", 10))
                .containsExactly(high, mid, low);

        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/claims/export?customerId=" + customer + "&sort=claimedAmount&lang=en"))
                .header("Authorization", "Bearer " + tokenFor("manager")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
            var sheet = workbook.getSheetAt(0);
            var text = new DataFormatter();
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            assertThat(sheet.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(100.0);
            assertThat(sheet.getRow(3).getCell(3).getNumericCellValue()).isEqualTo(300.0);
            assertThat(text.formatCellValue(sheet.getRow(1).getCell(6))).isEqualTo("Registered");
        }
    }

    @Test
    void theCallbackDeskSortsByDueDateBothWays() {
        long customer = customer();
        LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai")));
        String task = "{'customerId':" + customer + ",'method':'PHONE','reason':'排序','due':'";
        long third = created("supervisor", "/api/v1/callbacks", task + today.plusDays(3) + "'}");
        long first = created("supervisor", "/api/v1/callbacks", task + today.plusDays(1) + "'}");
        long second = created("supervisor", "/api/v1/callbacks", task + today.plusDays(2) + "'}");
        String list = "/api/v1/callbacks?tab=OPEN&customerId=" + customer;

        assertThat(ids(list)).as("by due date, the default").containsExactly(first, second, third);
        assertThat(ids(list + "&sort=-dueDate")).containsExactly(third, second, first);
        assertThat(KeysetPages.ids(p -> get(p, tokenFor("manager")), list + "&sort=-dueDate&limit=1", 10))
                .containsExactly(third, second, first);
        assertThat(KeysetPages.ids(p -> get(p, tokenFor("manager")), list + "&limit=2", 10))
                .containsExactly(first, second, third);
    }

    @Test
    void capaSortsByNumberAndPagesUnderTheSort() {
        List<Long> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(created("quality", "/api/v1/capa", "{'sourceType':'AUDIT','sourceCode':'AUD-"
                    + UUID.randomUUID().toString().substring(0, 6) + "','problem':'排序测试 " + i + "','departmentId':"
                    + department("ENG") + "}"));
        }
        String list = "/api/v1/capa?departmentId=" + department("ENG");
        assertThat(ids(list + "&sort=-code&limit=3")).containsExactly(mine.get(2), mine.get(1), mine.get(0));
        List<Long> ascending = KeysetPages.ids(p -> get(p, tokenFor("manager")), list + "&sort=code&limit=2", 100);
        assertThat(ascending).endsWith(mine.get(0), mine.get(1), mine.get(2)).doesNotHaveDuplicates();
        assertThat(get("/api/v1/capa?sort=owner", tokenFor("manager")).status()).isEqualTo(422);
    }
}
