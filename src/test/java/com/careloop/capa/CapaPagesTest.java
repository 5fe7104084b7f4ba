package com.careloop.capa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import com.careloop.support.ApiTestBase;
import com.careloop.support.PageSession;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The CAPA pages in all three languages, and the steps through the page forms with CSRF (plain and htmx). */
class CapaPagesTest extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "zh-CN, 纠正和预防措施, 问题描述, D1 成立小组, D8 结案与表彰, 已立项, 新建CAPA",
            "zh-TW, 糾正和預防措施, 問題描述, D1 成立小組, D8 結案與表彰, 已立項, 新建CAPA",
            "en, Corrective and preventive actions, Problem description, D1 Team, D8 Closure and recognition, Open, New CAPA"})
    void listDetailNewFormAnd8dRenderInEveryLanguage(String lang, String title, String problem, String d1, String d8,
                                                     String status, String newTitle) {
        Response r = post("/api/v1/capa", tokenFor("quality"), j("{'sourceType':'AUDIT','sourceCode':'IA-PG',"
                + "'problem':'页面测试：校准记录缺失','eightD':true}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        String code = r.json().get("code").asString();
        PageSession s = new PageSession(port);
        s.login("quality", DEMO_PASSWORD);
        s.get("/?lang=" + lang);
        PageSession.Page list = s.get("/capa");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("id=\"capas\"").contains(title).contains(code).contains(status).doesNotContain("??");
        assertThat(s.get("/capa?status=OPEN&sourceType=AUDIT&overdue=true").status()).isEqualTo(200);
        PageSession.Page detail = s.get("/capa/" + id);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body()).contains(code).contains(problem).contains("校准记录缺失").contains("IA-PG")
                .contains("id=\"contain-form\"").contains("id=\"root-cause-form\"").doesNotContain("??");
        PageSession.Page eightD = s.get("/capa/" + id + "/8d");
        assertThat(eightD.status()).isEqualTo(200);
        assertThat(eightD.body()).contains(d1).contains(d8).contains(code).doesNotContain("??");
        assertThat(s.get("/capa/new").body()).contains(newTitle).doesNotContain("??");
    }

    @Test
    void theStepsRunThroughThePageFormsAndARefusedStepIsAReadableMessage() {
        PageSession s = new PageSession(port);
        s.login("quality", DEMO_PASSWORD);
        s.get("/capa/new");
        PageSession.Page created = s.post("/capa/new", "sourceType", "INSPECTION", "sourceCode", "JY-PAGE",
                "problem", "页面步骤测试：封口不严");
        assertThat(created.status()).isEqualTo(302);
        long id = Long.parseLong(created.location().replaceAll(".*/capa/(\\d+).*", "$1"));
        s.get("/capa/" + id);
        assertThat(s.post("/capa/" + id + "/containment", "containment", "当班产品复检", "version", "0").status()).isEqualTo(302);
        s.get("/capa/" + id);
        // a stale version comes back as the message on the CAPA page, nothing written
        PageSession.Page stale = s.post("/capa/" + id + "/root-cause", "why1", "温度漂移", "category", "MACHINE",
                "statement", "温控器老化", "version", "0");
        assertThat(stale.status()).isEqualTo(302);
        assertThat(s.get("/capa/" + id).body()).contains("记录已被他人修改");
        long version = jdbc.sql("select version from capa where id = :id").param("id", id).query(Long.class).single();
        assertThat(s.post("/capa/" + id + "/root-cause", "why1", "温度漂移", "why2", "温控器老化", "category", "MACHINE",
                "statement", "温控器老化", "version", String.valueOf(version)).status()).isEqualTo(302);
        s.get("/capa/" + id);
        String owner = String.valueOf(jdbc.sql("select id from app_user where username = 'depthead'").query(Long.class).single());
        String due = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(3).toString();
        assertThat(s.post("/capa/" + id + "/actions", "description", "更换温控器", "ownerUserId", owner, "dueDate", due)
                .status()).isEqualTo(302);
        PageSession.Page page = s.get("/capa/" + id);
        assertThat(page.body()).contains("更换温控器").contains("措施已计划").contains("do-done-");
        // a step out of order: the readable message, not an error page
        PageSession.Page refused = s.post("/capa/" + id + "/close", "recurrencePrevention", "x");
        assertThat(refused.status()).isEqualTo(302);
        assertThat(s.get("/capa/" + id).body()).contains("CAPA 当前状态为「措施已计划」");
        assertThat(jdbc.sql("select status from capa where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("ACTIONS_PLANNED");
        // bad input: a readable message naming the field
        s.post("/capa/" + id + "/actions", "description", "", "ownerUserId", owner, "dueDate", "2001-01-01");
        assertThat(s.get("/capa/" + id).body()).contains("dueDate");
    }

    @Test
    void thePageShowsTheCustomerByNameAndTheNextStepWithItsOwner() {
        String name = "名称客户" + java.util.UUID.randomUUID().toString().substring(0, 6);
        Response customer = post("/api/v1/customers", tokenFor("manager"), j("{'name':'" + name + "','kind':'ORGANISATION',"
                + "'phone':'0512" + String.format("%07d", (long) (Math.random() * 10_000_000L)) + "'}"));
        assertThat(customer.status()).as(customer.body()).isEqualTo(201);
        Response r = post("/api/v1/capa", tokenFor("quality"), j("{'sourceType':'MANUAL','sourceCode':'TS-NAME',"
                + "'problem':'下一步测试：包装破损','customerId':" + customer.json().get("id").asLong() + "}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        assertThat(r.json().get("customerName").asString()).isEqualTo(name);

        PageSession quality = new PageSession(port);
        quality.login("quality", DEMO_PASSWORD);
        assertThat(quality.get("/capa/" + id).body()).contains("id=\"capa-customer\"").contains(">" + name + "<")
                .contains("id=\"next-step-action\"").contains("href=\"#root-cause-form\"");
        PageSession gm = new PageSession(port);
        gm.login("gm", DEMO_PASSWORD);
        assertThat(gm.get("/capa/" + id).body()).contains("等待品管经理处理").doesNotContain("id=\"next-step-action\"");

        assertThat(post("/api/v1/capa/" + id + "/root-cause", tokenFor("quality"),
                j("{'whys':['为什么破损'],'category':'METHOD','statement':'装箱未加护角'}")).status()).isEqualTo(200);
        long owner = jdbc.sql("select id from app_user where username = 'depthead'").query(Long.class).single();
        Response planned = post("/api/v1/capa/" + id + "/actions", tokenFor("quality"), j("{'description':'装箱加护角',"
                + "'ownerUserId':" + owner + ",'dueDate':'" + LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(5) + "'}"));
        assertThat(planned.status()).as(planned.body()).isEqualTo(200);
        long action = planned.json().get("actions").get(0).get("id").asLong();
        PageSession depthead = new PageSession(port);
        depthead.login("depthead", DEMO_PASSWORD);
        assertThat(depthead.get("/capa/" + id).body()).contains("href=\"#done-form-" + action + "\"");
        gm.get("/?lang=en");
        assertThat(gm.get("/capa/" + id).body()).contains("Waiting for 陈志强 to finish the actions");
    }
}
