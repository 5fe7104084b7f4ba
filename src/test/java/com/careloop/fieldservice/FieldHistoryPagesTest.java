package com.careloop.fieldservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import com.careloop.support.ApiTestBase;
import com.careloop.support.PageSession;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pages of visit reports, the failure history, warranty parts and the statistics in every language; a visit
 * planned, recorded and its action done through the pages; the customer page shows the visit.
 */
class FieldHistoryPagesTest extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "zh-CN, 走访服务报告, 产品失败履历, 不良品(三包件)信息反馈, 现场服务统计",
            "zh-TW, 走訪服務報告, 產品失敗履歷, 不良品(三包件)信息回饋, 現場服務統計",
            "en, Visit reports, Product failure history, Warranty-part defect feedback, Field-service statistics"})
    void thePagesRenderInEveryLanguage(String lang, String visits, String failures, String parts, String stats) {
        PageSession s = new PageSession(port);
        s.login("manager", DEMO_PASSWORD);
        s.get("/?lang=" + lang);
        for (String[] p : new String[][] {{"/visit-reports", visits}, {"/product-failures", failures},
                {"/warranty-parts", parts}, {"/field-services/statistics", stats}, {"/visit-reports/my-actions", ""},
                {"/visit-reports/new", ""}, {"/product-failures/intake", ""},
                {"/product-failures/modes", ""}}) {
            PageSession.Page page = s.get(p[0]);
            assertThat(page.status()).as(p[0] + " " + page.body()).isEqualTo(200);
            assertThat(page.body()).as(p[0]).contains(p[1]).doesNotContain("??");
        }
    }

    @Test
    void aVisitIsPlannedRecordedAndItsActionDoneThroughThePages() {
        String name = "页面走访客户" + UUID.randomUUID().toString().substring(0, 6);
        long customer = post("/api/v1/customers", tokenFor("manager"), j("{'name':'" + name
                + "','kind':'ORGANISATION','phone':'137" + String.format("%08d", (long) (Math.random() * 100_000_000L))
                + "'}")).json().get("id").asLong();
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        PageSession s = new PageSession(port);
        s.login("manager", DEMO_PASSWORD);
        s.get("/visit-reports/new?customerId=" + customer);
        PageSession.Page missing = s.post("/visit-reports/new", "customerId", String.valueOf(customer), "visitOn", today);
        assertThat(missing.status()).isIn(302, 303);
        assertThat(s.get(missing.location().replaceAll("^https?://[^/]+", "")).body()).contains("purpose");
        PageSession.Page created = s.post("/visit-reports/new", "customerId", String.valueOf(customer), "purpose",
                "页面回访", "visitOn", today);
        assertThat(created.status()).isIn(302, 303);
        String path = created.location().replaceAll("^https?://[^/]+", "");
        long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
        long staff = jdbc.sql("select id from app_user where username = 'staff'").query(Long.class).single();
        assertThat(s.post(path + "/actions", "description", "寄送资料", "ownerId", String.valueOf(staff), "dueOn",
                LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(10).toString()).status()).isIn(302, 303);
        assertThat(s.post(path + "/visit", "findings", "运行正常").status()).isIn(302, 303);
        assertThat(s.get(path).body()).contains("运行正常").contains("寄送资料");
        long actionId = jdbc.sql("select id from visit_report_action where report_id = :id").param("id", id)
                .query(Long.class).single();
        PageSession owner = new PageSession(port);
        owner.login("staff", DEMO_PASSWORD);
        owner.get(path);
        assertThat(owner.get("/visit-reports/my-actions").body()).contains("寄送资料");
        assertThat(owner.post(path + "/actions/" + actionId + "/done", "note", "已寄").status()).isIn(302, 303);
        assertThat(s.get(path).body()).contains("已寄").contains("已关闭");
        assertThat(s.get("/customers/" + customer).body()).contains("id=\"customer-visits\"").contains("页面回访");
    }

    static String today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    }

    /** A field service of the demo data (a source the recording pages accept by number). */
    String demoTrip() {
        return jdbc.sql("select code from field_service order by id limit 1").query(String.class).single();
    }

    /** The manager signed in, on a page that offers the recording form. */
    PageSession managerWithForm(String page, String formId) {
        PageSession s = new PageSession(port);
        s.login("manager", DEMO_PASSWORD);
        assertThat(s.get(page).body()).contains("id=\"" + formId + "\"");
        return s;
    }

    @Test
    void qualityRecordsAFailureByHandAndClassifiesAReportsFindingsThroughThePages() {
        String product = "页面泵-" + UUID.randomUUID().toString().substring(0, 6);
        String today = today();
        String trip = demoTrip();
        PageSession s = managerWithForm("/product-failures", "record-failure-form");
        PageSession.Page refused = s.post("/product-failures", "sourceType", "FIELD_SERVICE", "sourceCode", trip,
                "failedOn", today, "mode", "LEAK");
        assertThat(refused.status()).isIn(302, 303);
        assertThat(s.get("/product-failures").body()).as("the refusal names the field")
                .contains("class=\"flash error\" role=\"alert\">product:");
        PageSession.Page saved = s.post("/product-failures", "sourceType", "FIELD_SERVICE", "sourceCode", trip,
                "product", product, "part", "机封", "failedOn", today, "mode", "LEAK", "cause", "密封老化");
        assertThat(saved.status()).isIn(302, 303);
        assertThat(s.get(saved.location().replaceAll("^https?://[^/]+", "")).body()).contains(product)
                .contains("密封老化").contains(trip);

        jdbc.sql("""
                insert into failure_intake (source_type, source_id, source_code, customer_name, findings, received_at)
                values ('FIELD_SERVICE', :source, 'XB-PAGE', '页面顾客', '电机过热跳闸', current_timestamp)""")
                .param("source", -(long) (Math.random() * 1_000_000_000L) - 1).update();
        long intake = jdbc.sql("select max(id) from failure_intake").query(Long.class).single();
        assertThat(s.get("/product-failures/intake").body()).contains("电机过热跳闸").contains("classify-" + intake);
        assertThat(s.post("/product-failures/intake/" + intake + "/classify", "product", product, "mode", "OVERHEAT",
                "failedOn", today).status()).isIn(302, 303);
        assertThat(s.get("/product-failures/intake").body()).doesNotContain("classify-" + intake + "\"");
        assertThat(jdbc.sql("select count(*) from product_failure where product = :p and mode_code = 'OVERHEAT'")
                .param("p", product).query(Long.class).single()).isEqualTo(1);
        assertThat(s.post("/product-failures/intake/" + intake + "/dismiss").status()).as("already classified")
                .isIn(302, 303);
        assertThat(s.get("/product-failures/intake").body()).contains("XB-PAGE");

        String code = "PAGE_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        assertThat(s.post("/product-failures/modes", "code", code, "nameZhCn", "页面模式", "nameZhTw", "頁面模式",
                "nameEn", "Page mode", "sortOrder", "900", "active", "true").status()).isIn(302, 303);
        assertThat(s.get("/product-failures/modes").body()).contains("id=\"mode-" + code + "\"").contains("页面模式");
        assertThat(s.post("/product-failures/modes", "code", code, "nameZhCn", "页面模式", "nameZhTw", "頁面模式",
                "nameEn", "Page mode").status()).as("unchecked: deactivated").isIn(302, 303);
        assertThat(s.get("/product-failures").body()).doesNotContain("页面模式");
    }

    @Test
    void aReturnedWarrantyPartIsRecordedByHandOnTheListPage() {
        String part = "页面轴承-" + UUID.randomUUID().toString().substring(0, 6);
        String today = today();
        String trip = demoTrip();
        PageSession s = managerWithForm("/warranty-parts", "record-part-form");
        long before = jdbc.sql("select count(*) from warranty_feedback").query(Long.class).single();
        PageSession.Page refused = s.post("/warranty-parts", "sourceType", "FIELD_SERVICE", "sourceCode", trip,
                "product", "QF-600", "part", part, "quantity", "0", "failedOn", today, "mode", "LEAK",
                "failureDescription", "异响");
        assertThat(refused.status()).isIn(302, 303);
        assertThat(s.get("/warranty-parts").body()).as("the refusal names the field")
                .contains("class=\"flash error\" role=\"alert\">quantity:").doesNotContain(part);
        assertThat(jdbc.sql("select count(*) from warranty_feedback").query(Long.class).single())
                .as("nothing saved").isEqualTo(before);
        PageSession.Page saved = s.post("/warranty-parts", "sourceType", "FIELD_SERVICE", "sourceCode", trip,
                "product", "QF-600", "part", part, "quantity", "2", "batchNo", "B-7", "failedOn", today, "mode", "LEAK",
                "failureDescription", "轴承异响");
        assertThat(saved.status()).isIn(302, 303);
        String code = jdbc.sql("select code from warranty_feedback where part = :p").param("p", part)
                .query(String.class).single();
        assertThat(s.get(saved.location().replaceAll("^https?://[^/]+", "")).body()).as("the list shows the new part")
                .contains(part).contains(code).contains("id=\"flash-notice\"");
        assertThat(jdbc.sql("select count(*) from product_failure where part = :p and source_code = :t")
                .param("p", part).param("t", trip).query(Long.class).single()).as("its failure row").isEqualTo(1);
    }
}
