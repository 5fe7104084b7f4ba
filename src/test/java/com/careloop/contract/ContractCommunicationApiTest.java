package com.careloop.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import com.careloop.support.ApiTestBase;
import com.careloop.support.PageSession;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Seeds 001-A15 (與顧客溝通的安排) and 001-B14: sales records each communication with the customer about one contract
 * — channel, day, with whom, what — before, during and after it; a visit also enters the customer's contact log (the
 * customer module's published event); the contract page lists them and names the sales manager as the customer's
 * contact. Bad input is a 422 naming the field, nothing saved. Runs on H2 and PostgreSQL (tag api).
 */
class ContractCommunicationApiTest extends ApiTestBase {

    static final String BASE = "/api/v1/contracts";

    @Autowired
    JdbcClient jdbc;

    static String today(int plusDays) {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(plusDays).toString();
    }

    Response communicate(long id, String body) {
        return post(BASE + "/" + id + "/communications", tokenFor("sales"), body == null ? null : j(body));
    }

    @Test
    void communicationsAboutAContractAreRecordedByPhaseAndAVisitEntersTheCustomersContactLog() {
        long customerId = jdbc.sql("select id from customer where active = true order by id limit 1").query(Long.class)
                .single();
        Response reg = post(BASE, tokenFor("sales"), j("{'customerId':" + customerId + ",'customerNumber':'GT-"
                + UUID.randomUUID().toString().substring(0, 8) + "','source':'WRITTEN','contractClass':'REPEAT_UNCHANGED',"
                + "'orderDate':'" + today(0) + "','deliveryDate':'" + today(10) + "','lines':[{'product':'沟通纸箱',"
                + "'quantity':100,'unit':'只','unitPrice':3}]}"));
        assertThat(reg.status()).as(reg.body()).isEqualTo(201);
        long id = reg.json().get("id").asLong();
        String number = reg.json().get("number").asString();

        for (String[] bad : new String[][] {
                {"{'occurredOn':'" + today(0) + "','withWhom':'王经理','summary':'x'}", "channel"},
                {"{'channel':'PHONE','occurredOn':'" + today(1) + "','withWhom':'王经理','summary':'x'}", "occurredOn"},
                {"{'channel':'PHONE','occurredOn':'" + today(0) + "','summary':'x'}", "withWhom"},
                {"{'channel':'PHONE','occurredOn':'" + today(0) + "','withWhom':'王经理'}", "summary"}}) {
            Response r = communicate(id, bad[0]);
            assertThat(r.status()).as(r.body()).isEqualTo(422);
            assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo(bad[1]);
        }
        assertThat(get(BASE + "/" + id + "/communications", tokenFor("sales")).json().size()).as("nothing saved")
                .isZero();

        Response r = communicate(id, "{'channel':'PHONE','occurredOn':'" + today(0) + "','withWhom':'采购部王经理',"
                + "'summary':'确认资质文件和交期'}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("phase").asString()).isEqualTo("BEFORE");
        assertThat(r.json().get("recordedBy").asString()).isEqualTo("钱晓东");

        // accepted: later communications are "during" the contract
        assertThat(post(BASE + "/" + id + "/submit", tokenFor("sales"), null).status()).isEqualTo(200);
        assertThat(post(BASE + "/" + id + "/outcome", tokenFor("gm"), j("{'outcome':'A'}")).status()).isEqualTo(200);
        String marker = "走访-" + UUID.randomUUID().toString().substring(0, 8);
        r = communicate(id, "{'channel':'VISIT','occurredOn':'" + today(0) + "','withWhom':'王经理',"
                + "'summary':'" + marker + " 告知生产进度'}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("phase").asString()).isEqualTo("DURING");
        JsonNode list = get(BASE + "/" + id + "/communications", tokenFor("sales")).json();
        assertThat(list.valueStream().map(x -> x.get("channel").asString()).toList()).containsExactly("PHONE", "VISIT");
        assertThat(get(BASE + "/" + id + "/communications", tokenFor("frontdesk")).status()).isEqualTo(403);

        JsonNode entry = awaitContact(customerId, marker);
        assertThat(entry).as("the visit in the customer's contact log").isNotNull();
        assertThat(entry.get("summary").asString()).contains(number);

        PageSession s = new PageSession(port);
        s.login("sales", DEMO_PASSWORD);
        assertThat(s.get("/contracts/" + id).body()).contains("与客户的沟通", "采购部王经理", "合同前", "合同执行中", "拜访",
                "id=\"communication-form\"");
        assertThat(s.post("/contracts/" + id + "/communications", "channel", "FAX", "occurredOn", today(0), "withWhom",
                "王经理").status()).isEqualTo(302);
        assertThat(s.get("/contracts/" + id).body()).contains("请填写 沟通内容");
    }

    /** The customer's contact-log entry naming the marker, once the customer module's listener has written it. */
    JsonNode awaitContact(long customer, String marker) {
        for (int i = 0; i < 150; i++) {
            Response r = get("/api/v1/customers/" + customer + "/contact-log?limit=100", tokenFor("manager"));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode entry = r.json().get("items").valueStream()
                    .filter(e -> e.get("summary").asString().contains(marker)).findFirst().orElse(null);
            if (entry != null) {
                return entry;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }
}
