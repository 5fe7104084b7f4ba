package com.careloop.callback;

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

/** The callback pages in all three languages, the outcome form, a refused step's message and the Excel exports. */
class CallbackPagesTest extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;


    LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    long customer() {
        String phone = "136" + String.format("%08d", (long) (Math.random() * 100_000_000L));
        return post("/api/v1/customers", tokenFor("manager"), j("{'name':'页面回访" + UUID.randomUUID().toString()
                .substring(0, 4) + "','kind':'INDIVIDUAL','phone':'" + phone + "'}")).json().get("id").asLong();
    }

    long task(long customer) {
        Response r = post("/api/v1/callbacks", tokenFor("supervisor"), j("{'customerId':" + customer + ",'due':'" + today()
                + "','questions':'安装是否顺利？\\n是否还有其他需求？'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "zh-CN, 回访工作台, 今日到期, 回访话术, 回访计划, 回访统计, 重点客户年度回访分析, 待回访",
            "zh-TW, 回訪工作台, 今日到期, 回訪話術, 回訪計劃, 回訪統計, 重點客戶年度回訪分析, 待回訪",
            "en, Callback desk, Due today, Script, Callback plans, Callback statistics, Annual key-customer follow-up, Open"})
    void everyPageRendersInEveryLanguage(String lang, String desk, String today, String script, String plans,
                                         String stats, String annual, String open) {
        long customer = customer();
        long id = task(customer);
        PageSession s = new PageSession(port);
        s.login("supervisor", DEMO_PASSWORD);
        s.get("/?lang=" + lang);
        String code = get("/api/v1/callbacks/" + id, tokenFor("supervisor")).json().get("code").asString();
        PageSession.Page list = s.get("/callbacks?tab=TODAY");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("id=\"callbacks\"").contains(desk).contains(today).contains(code)
                .contains("not-reached-" + id).doesNotContain("??");
        PageSession.Page detail = s.get("/callbacks/" + id);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body()).contains(code).contains(script).contains("安装是否顺利？").contains(open)
                .contains("complete-form").doesNotContain("??");
        for (String path : new String[] {"/callbacks/new?customerId=" + customer, "/callbacks/plans"}) {
            PageSession.Page p = s.get(path);
            assertThat(p.status()).as(path).isEqualTo(200);
            assertThat(p.body()).as(path).doesNotContain("??");
        }
        assertThat(s.get("/callbacks/plans").body()).contains(plans).contains("edit-SALE");
        PageSession.Page st = s.get("/callbacks/stats?groupBy=AGENT");
        assertThat(st.status()).isEqualTo(200);
        assertThat(st.body()).contains(stats).contains("data-chart").contains("id=\"stats\"").doesNotContain("??");
        PageSession.Page an = s.get("/callbacks/key-customers/annual?year=" + today().getYear());
        assertThat(an.status()).isEqualTo(200);
        assertThat(an.body()).contains(annual).contains("id=\"annual\"").doesNotContain("??");
        PageSession.Page profile = s.get("/customers/" + customer);
        assertThat(profile.body()).contains("customer-callbacks").contains(code);
    }

    @Test
    void theOutcomeFormCompletesTheTaskAndARefusalIsShownOnThePage() {
        long id = task(customer());
        PageSession s = new PageSession(port);
        s.login("frontdesk", DEMO_PASSWORD);
        s.get("/callbacks/" + id);
        PageSession.Page refused = s.post("/callbacks/" + id + "/complete", "satisfaction", "DISSATISFIED",
                "answers", "不顺利", "answers", "", "notes", "安装师傅迟到", "followUp", "");
        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.location()).endsWith("/callbacks/" + id);
        PageSession.Page again = s.get("/callbacks/" + id);
        assertThat(again.body()).contains("role=\"alert\"").contains("不满意的回访须选择后续处理");
        PageSession.Page missed = s.post("/callbacks/" + id + "/not-reached", "note", "占线");
        assertThat(missed.status()).isEqualTo(302);
        PageSession.Page done = s.post("/callbacks/" + id + "/complete", "satisfaction", "SATISFIED",
                "answers", "顺利", "answers", "没有", "notes", "客户很满意", "followUp", "");
        assertThat(done.status()).isEqualTo(302);
        var t = get("/api/v1/callbacks/" + id, tokenFor("supervisor")).json();
        assertThat(t.get("status").asString()).isEqualTo("DONE");
        assertThat(t.get("attempts").asInt()).isEqualTo(2);
        assertThat(t.get("answers").get(0).get("answer").asString()).isEqualTo("顺利");
        assertThat(t.get("answers").get(1).get("answer").asString()).isEqualTo("没有");
        assertThat(s.get("/callbacks/" + id).body()).contains("callback-answers").contains("客户很满意");
    }

    @Test
    void statisticsAndTheAnnualAnalysisExportToExcel() {
        PageSession s = new PageSession(port);
        s.login("manager", DEMO_PASSWORD);
        var stats = s.download("/callbacks/stats/export?from=" + today().withDayOfMonth(1) + "&to=" + today() + "&groupBy=PLAN");
        assertThat(stats.statusCode()).isEqualTo(200);
        assertThat(stats.body()).startsWith((byte) 'P', (byte) 'K');
        var annual = s.download("/callbacks/key-customers/annual/export?year=" + today().getYear());
        assertThat(annual.statusCode()).isEqualTo(200);
        assertThat(annual.body()).startsWith((byte) 'P', (byte) 'K');
    }

    @Test
    void anAssignedTaskIsItsAssigneesAndOthersAreToldWhose() {
        long manager = jdbc.sql("select id from app_user where username = 'manager'").query(Long.class).single();
        Response r = post("/api/v1/callbacks", tokenFor("supervisor"), j("{'customerId':" + customer() + ",'due':'" + today()
                + "','assigneeId':" + manager + "}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        PageSession supervisor = new PageSession(port);
        supervisor.login("supervisor", DEMO_PASSWORD);
        assertThat(supervisor.get("/callbacks/" + id).body()).contains("id=\"next-step-waiting\"").contains("等待王丽华回访");
        PageSession assignee = new PageSession(port);
        assignee.login("manager", DEMO_PASSWORD);
        assertThat(assignee.get("/callbacks/" + id).body()).contains("id=\"next-step-action\"").contains("href=\"#complete-form\"");
    }
}
