package com.careloop.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import com.careloop.support.ApiTestBase;
import com.careloop.support.Multipart;
import com.careloop.support.PageSession;
import com.careloop.support.PrintedPdf;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Seed 001-A5 (評審會議): a special contract's review held as a meeting — date, place, attendees by name and the written
 * minutes recorded on the contract (its scan as a file of slot MEETING_MINUTES), listed on the contract page and
 * printed on the 合同评审表 next to each reviewer's name and date. Bad input is a 422 naming the field, nothing saved.
 * Runs on H2 and PostgreSQL (tag api).
 */
class ContractReviewMeetingApiTest extends ApiTestBase {

    static final String BASE = "/api/v1/contracts";

    @Autowired
    JdbcClient jdbc;

    static String today(int plusDays) {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(plusDays).toString();
    }

    JsonNode special(String product) {
        long customerId = jdbc.sql("select id from customer where active = true order by id limit 1").query(Long.class)
                .single();
        Response r = post(BASE, tokenFor("sales"), j("{'customerId':" + customerId + ",'customerNumber':'HY-"
                + UUID.randomUUID().toString().substring(0, 8) + "','source':'WRITTEN','contractClass':'SPECIAL',"
                + "'orderDate':'" + today(0) + "','deliveryDate':'" + today(30) + "','lines':[{'product':'" + product
                + "','quantity':500,'unit':'只','unitPrice':8}]}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    Response meeting(long id, String body) {
        return post(BASE + "/" + id + "/review-meetings", tokenFor("sales"), body == null ? null : j(body));
    }

    @Test
    void aReviewMeetingIsRecordedWithItsMinutesAndPrintedOnTheReviewForm() {
        JsonNode c = special("会议评审箱-" + UUID.randomUUID().toString().substring(0, 6));
        long id = c.get("id").asLong();
        String number = c.get("number").asString();
        String minutes = "新结构箱型经评审可生产：耐压按GB/T 4857.4检验，首批交期顺延5天。" + UUID.randomUUID();

        Response r = meeting(id, "{'heldOn':'" + today(0) + "','place':'二楼会议室','minutes':'x'}");
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("attendees");
        r = meeting(id, "{'heldOn':'" + today(1) + "','attendees':'张三','minutes':'x'}");
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("heldOn");
        r = meeting(id, "{'heldOn':'" + today(0) + "','attendees':'张三'}");
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("minutes");
        assertThat(get(BASE + "/" + id + "/review-meetings", tokenFor("sales")).json().size()).as("nothing saved")
                .isZero();

        r = meeting(id, "{'heldOn':'" + today(0) + "','place':'二楼会议室','attendees':'钱晓东、周卫东、技术部李工、生产部王主任',"
                + "'minutes':'" + minutes + "'}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("recordedBy").asString()).isEqualTo("钱晓东");
        JsonNode list = get(BASE + "/" + id + "/review-meetings", tokenFor("sales")).json();
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).get("attendees").asString()).contains("周卫东");
        assertThat(get(BASE + "/" + id + "/review-meetings", tokenFor("frontdesk")).status()).isEqualTo(403);
        assertThat(post(BASE + "/" + id + "/review-meetings", tokenFor("frontdesk"), j("{}")).status()).isEqualTo(403);

        // the signed minutes' scan is a file of the contract
        var form = new Multipart().field("slot", "MEETING_MINUTES").file("file", "纪要.pdf", "application/pdf",
                "%PDF-1.4\n%minutes\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        try {
            var up = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + BASE
                            + "/" + id + "/files")).header("Authorization", "Bearer " + tokenFor("sales"))
                    .header("Content-Type", form.contentType()).header("Accept", "application/json")
                    .POST(form.publisher()).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(up.statusCode()).as(up.body()).isEqualTo(201);
            assertThat(up.body()).contains("MEETING_MINUTES");
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }

        PrintedPdf pdf = PrintedPdf.fetch(http, port, BASE + "/" + id + "/review-form.pdf", tokenFor("sales"), null, number);
        assertThat(pdf.text()).contains("评审会议纪要", "二楼", "周卫东", "GB/T 4857.4");
        PrintedPdf en = PrintedPdf.fetch(http, port, BASE + "/" + id + "/review-form.pdf", tokenFor("sales"), "en", number);
        assertThat(en.text()).contains("Review meeting minutes", "Attendees");
    }

    @Test
    void theContractPageShowsTheMeetingsAndRefusesIncompleteMinutesWithAMessage() {
        long id = special("会议页面箱-" + UUID.randomUUID().toString().substring(0, 6)).get("id").asLong();
        PageSession s = new PageSession(port);
        s.login("sales", DEMO_PASSWORD);
        assertThat(s.get("/contracts/" + id).body()).contains("id=\"meeting-form\"", "未召开评审会议");
        assertThat(s.post("/contracts/" + id + "/review-meetings", "heldOn", today(0), "attendees", "钱晓东")
                .status()).isEqualTo(302);
        assertThat(s.get("/contracts/" + id).body()).contains("请填写 评审纪要");
        assertThat(s.post("/contracts/" + id + "/review-meetings", "heldOn", today(0), "place", "三楼", "attendees",
                "钱晓东、周卫东", "minutes", "同意按客户图纸生产").status()).isEqualTo(302);
        assertThat(s.get("/contracts/" + id).body()).contains("同意按客户图纸生产", "钱晓东、周卫东", "三楼")
                .doesNotContain("未召开评审会议");
    }
}
