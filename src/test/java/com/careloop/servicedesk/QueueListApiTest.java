package com.careloop.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.careloop.support.ApiTestBase;
import com.careloop.support.KeysetPages;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The queue (issue 14 §4): found by the caller's phone — the whole number or its last digits, within the data
 * scope — sorted by a column with keyset paging under the sort, and exported as shown.
 */
class QueueListApiTest extends ApiTestBase {

    static final String BASE = "/api/v1/service-requests";

    /** A phone no other test uses: 8 random digits after a prefix. */
    static String phone() {
        return "135" + String.format("%08d", ThreadLocalRandom.current().nextLong(100_000_000L));
    }

    long register(String title, String phone, String priority) {
        Response r = post(BASE, tokenFor("frontdesk"), j("{'contactName':'钱女士','contactPhone':'" + phone
                + "','type':'REPAIR','title':'" + title + "','channel':'PHONE','priority':'" + priority + "'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    List<Long> ids(String user, String query) {
        Response r = get(BASE + "?" + query, tokenFor(user));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        r.json().get("items").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }

    @Test
    void findsTheCallerByTheWholePhoneOrItsLastDigitsWithinTheScope() {
        String phone = phone();
        long id = register("门禁失灵 " + UUID.randomUUID(), phone.substring(0, 3) + "-" + phone.substring(3), "NORMAL");

        assertThat(ids("manager", "q=" + phone)).containsExactly(id);
        assertThat(ids("manager", "q=" + phone.substring(5))).as("the last 6 digits").contains(id);
        assertThat(ids("manager", "q=" + phone.substring(7))).as("the last 4 digits").contains(id);
        assertThat(ids("manager", "q=" + phone.substring(0, 3) + "%20" + phone.substring(3)))
                .as("typed with a space").containsExactly(id);
        // staff see their own records only: the front desk's registration is not theirs
        assertThat(ids("staff", "q=" + phone)).isEmpty();
        // the queue shows no phone at all, masked or not
        assertThat(get(BASE + "?q=" + phone, tokenFor("manager")).body()).doesNotContain(phone.substring(3));
    }

    @Test
    void sortsByAColumnAndPagesUnderTheSort() {
        String tag = "排序" + UUID.randomUUID().toString().substring(0, 8);
        long low = register(tag + " a", phone(), "LOW");
        long urgent = register(tag + " b", phone(), "URGENT");
        long normal = register(tag + " c", phone(), "NORMAL");
        long urgent2 = register(tag + " d", phone(), "URGENT");
        String q = "q=" + java.net.URLEncoder.encode(tag, java.nio.charset.StandardCharsets.UTF_8);

        assertThat(ids("manager", q + "&sort=-priority")).containsExactly(urgent2, urgent, normal, low);
        assertThat(ids("manager", q + "&sort=priority")).containsExactly(low, normal, urgent, urgent2);
        assertThat(ids("manager", q + "&sort=title")).containsExactly(low, urgent, normal, urgent2);
        assertThat(ids("manager", q)).containsExactly(urgent2, normal, urgent, low);
        assertThat(KeysetPages.ids(p -> get(p, tokenFor("manager")), BASE + "?" + q + "&sort=-priority&limit=1", 10))
                .containsExactly(urgent2, urgent, normal, low);
        assertThat(KeysetPages.ids(p -> get(p, tokenFor("manager")), BASE + "?" + q + "&sort=registeredAt&limit=3", 10))
                .containsExactly(low, urgent, normal, urgent2);
        Response bad = get(BASE + "?sort=description", tokenFor("manager"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("\"field\":\"sort\"");
    }

    @Test
    void exportsTheQueueAsShownInTheReadersLanguage() throws Exception {
        String tag = "导出" + UUID.randomUUID().toString().substring(0, 8);
        long first = register(tag + " 1", phone(), "HIGH");
        long second = register(tag + " 2", phone(), "LOW");
        String q = "q=" + java.net.URLEncoder.encode(tag, java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + BASE + "/export?" + q + "&sort=priority&lang=en"))
                .header("Authorization", "Bearer " + tokenFor("manager")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
            var sheet = workbook.getSheetAt(0);
            var text = new DataFormatter();
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            assertThat(text.formatCellValue(sheet.getRow(0).getCell(0))).isEqualTo("Request no.");
            String code = get(BASE + "/" + second, tokenFor("manager")).json().get("code").asString();
            assertThat(text.formatCellValue(sheet.getRow(1).getCell(0))).as("low priority first").isEqualTo(code);
            assertThat(text.formatCellValue(sheet.getRow(1).getCell(5))).isEqualTo("Low");
            assertThat(text.formatCellValue(sheet.getRow(2).getCell(5))).isEqualTo("High");
            assertThat(text.formatCellValue(sheet.getRow(2).getCell(4))).isEqualTo("Registered");
        }
        assertThat(first).isLessThan(second);
    }
}
