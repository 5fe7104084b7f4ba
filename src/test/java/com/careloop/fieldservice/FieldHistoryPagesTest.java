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
                {"/visit-reports/new", ""}}) {
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
}
