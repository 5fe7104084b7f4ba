package com.careloop.property;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import com.careloop.support.ApiTestBase;
import com.careloop.support.PageSession;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The register's pages in all three languages, registration and steps through the page forms with CSRF. */
class PropertyPagesTest extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    long customer() {
        Response r = post("/api/v1/customers", tokenFor("manager"), j("{'name':'页面财产客户"
                + UUID.randomUUID().toString().substring(0, 6) + "','kind':'ORGANISATION','phone':'137"
                + String.format("%08d", (long) (Math.random() * 100_000_000L)) + "'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    long department(String code) {
        return jdbc.sql("select id from department where code = :c").param("c", code).query(Long.class).single();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "zh-CN, 顾客财产登记表, 工装/模具/夹具, 去向记录, 签收/日期",
            "zh-TW, 顧客財產登記表, 工裝/模具/夾具, 去向記錄, 簽收/日期",
            "en, Customer property register, Tooling / mould / fixture, Movements, Signed / date"})
    void registerItemPrintAndNewFormRenderInEveryLanguage(String lang, String title, String tooling, String movements,
                                                         String signOff) {
        long customer = customer();
        Response r = post("/api/v1/customer-properties", tokenFor("manager"), j("{'customerId':" + customer
                + ",'kind':'TOOLING','marking':'页面钢印','itemName':'页面模具','quantity':1,'unit':'套','receivedOn':'"
                + LocalDate.now(ZoneId.of("Asia/Shanghai")) + "','receiverName':'王丽华'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        String code = r.json().get("code").asString();
        PageSession s = new PageSession(port);
        s.login("manager", DEMO_PASSWORD);
        s.get("/?lang=" + lang);
        PageSession.Page list = s.get("/customer-properties?customerId=" + customer);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("id=\"properties\"").contains(title).contains(code).contains(tooling)
                .doesNotContain("??");
        assertThat(s.get("/customer-properties?kind=TOOLING&status=HELD&inspectionDue=true&location=A").status())
                .isEqualTo(200);
        PageSession.Page detail = s.get("/customer-properties/" + id);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body()).contains(code).contains("页面模具").contains(movements).contains("id=\"verify-form\"")
                .doesNotContain("??");
        PageSession.Page card = s.get("/customer-properties/" + id + "/card");
        assertThat(card.status()).isEqualTo(200);
        assertThat(card.body()).contains("R-QP-005-04").contains("页面模具").doesNotContain("??");
        PageSession.Page register = s.get("/customer-properties/register?customerId=" + customer);
        assertThat(register.body()).contains(signOff).contains("页面模具").doesNotContain("??");
        assertThat(s.get("/customer-properties/new").body()).contains("id=\"property-new\"").doesNotContain("??");
        assertThat(s.get("/customer-properties/inspections").status()).isEqualTo(200);
        // the customer 360 page shows the customer's property
        assertThat(s.get("/customers/" + customer).body()).contains("id=\"customer-properties\"").contains(code);
    }

    @Test
    void anItemIsRegisteredSignedAndReturnedThroughThePagesAndARefusalIsAMessage() {
        long customer = customer();
        PageSession s = new PageSession(port);
        s.login("manager", DEMO_PASSWORD);
        s.get("/customer-properties/new");
        PageSession.Page created = s.post("/customer-properties/new", "customerId", String.valueOf(customer),
                "kind", "MEASURING_EQUIPMENT", "marking", "页面标牌", "itemName", "页面检具", "quantity", "2", "unit", "台",
                "receivedOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString(), "receiverName", "王丽华",
                "handedToDepartmentId", String.valueOf(department("ENG")), "verify", "true", "specChecked", "true",
                "quantityChecked", "true", "passed", "true", "inspectorName", "周卫东");
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        long id = Long.parseLong(created.location().replaceAll(".*/customer-properties/(\\d+).*", "$1"));
        PageSession head = new PageSession(port);
        head.login("depthead", DEMO_PASSWORD);
        String page = head.get("/customer-properties/" + id).body();
        assertThat(page).contains("id=\"sign-form\"");
        long movement = jdbc.sql("select id from customer_property_movement where item_id = :i and signed_at is null")
                .param("i", id).query(Long.class).single();
        assertThat(head.post("/customer-properties/" + id + "/hand-overs/" + movement + "/sign", "storageLocation",
                "E-9").status()).isEqualTo(302);
        assertThat(s.get("/customer-properties/" + id).body()).contains("E-9").contains("陈志强");
        PageSession.Page uploaded = s.postMultipart("/customer-properties/" + id + "/files",
                new com.careloop.support.Multipart().field("slot", "ARRIVAL")
                        .file("file", "验收单.txt", "text/plain", "数量 2 台，规格相符".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(uploaded.status()).isEqualTo(302);
        assertThat(s.get("/customer-properties/" + id).body()).contains("验收单.txt").contains("id=\"file-form\"");
        assertThat(s.post("/customer-properties/" + id + "/return", "note", "项目结束").status()).isEqualTo(302);
        assertThat(s.get("/customer-properties/" + id).body()).contains("flash success");
        PageSession.Page refused = s.post("/customer-properties/" + id + "/scrap", "note", "再报废");
        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.location()).endsWith("/customer-properties/" + id);
        assertThat(s.get("/customer-properties/" + id).body()).contains("flash error");
        // bad input through the form: nothing saved, the message names the field
        long before = jdbc.sql("select count(*) from customer_property").query(Long.class).single();
        PageSession.Page bad = s.post("/customer-properties/new", "customerId", String.valueOf(customer), "kind", "PART",
                "marking", "页面钢印", "itemName", "x", "quantity", "0", "unit", "件", "receivedOn",
                LocalDate.now(ZoneId.of("Asia/Shanghai")).toString(), "receiverName", "x");
        assertThat(bad.status()).isEqualTo(302);
        assertThat(s.get(bad.location().replaceAll("^https?://[^/]+", "")).body()).contains("quantity");
        assertThat(jdbc.sql("select count(*) from customer_property").query(Long.class).single()).isEqualTo(before);
    }

    @Autowired
    com.careloop.property.register.PropertyInspectionJob job;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "zh-CN, 顾客财产设置, 按存放位置批量检查, 已记录 1 件",
            "zh-TW, 顧客財產設定, 按存放位置批量檢查, 已記錄 1 件",
            "en, Customer property settings, Batch inspection by storage location, 1 items at"})
    void theSettingsPageAndTheLocationBatchWorkInEveryLanguage(String lang, String settings, String batch, String done) {
        long customer = customer();
        String shelf = "页面货架 " + UUID.randomUUID().toString().substring(0, 6);
        long qa = jdbc.sql("select id from department where code = 'QA'").query(Long.class).single();
        Response r = post("/api/v1/customer-properties", tokenFor("manager"), j("{'customerId':" + customer
                + ",'kind':'MEASURING_EQUIPMENT','marking':'页面钢印','itemName':'页面检具','quantity':1,'unit':'台','receivedOn':'"
                + LocalDate.now(ZoneId.of("Asia/Shanghai")) + "','receiverName':'王丽华','storageLocation':'" + shelf
                + "','owningDepartmentId':" + qa + ",'handedToDepartmentId':" + qa + "}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        job.run();
        PageSession s = new PageSession(port);
        s.login("quality", DEMO_PASSWORD);
        s.get("/?lang=" + lang);
        assertThat(s.get("/customer-properties/settings").body()).contains(settings).contains("id=\"settings-form\"")
                .doesNotContain("??");
        assertThat(s.get("/customer-properties").body()).contains("id=\"property-settings\"");
        assertThat(s.get("/customer-properties/inspections").body()).contains(batch).contains(shelf);
        PageSession.Page posted = s.post("/customer-properties/inspections/batch", "location", shelf);
        assertThat(posted.status()).isEqualTo(302);
        String after = s.get(posted.location().replaceAll("^https?://[^/]+", "")).body();
        assertThat(after).contains(done).doesNotContain("<td>页面检具</td>");
    }
}
