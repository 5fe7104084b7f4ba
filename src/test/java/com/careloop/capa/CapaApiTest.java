package com.careloop.capa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** CAPAs over HTTP: the whole journey with a failed check, refusals out of order, stale versions, bad input, 403s. */
class CapaApiTest extends ApiTestBase {

    static final String BASE = "/api/v1/capa";

    @Autowired
    JdbcClient jdbc;

    long userId(String username) {
        return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
    }

    long department(String code) {
        return jdbc.sql("select id from department where code = :c").param("c", code).query(Long.class).single();
    }

    static String due(int days) {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(days).toString();
    }

    JsonNode open(String sourceType, String problem) {
        Response r = post(BASE, tokenFor("quality"), j("{'sourceType':'" + sourceType + "','sourceCode':'AUD-"
                + UUID.randomUUID().toString().substring(0, 6) + "','problem':'" + problem + "','departmentId':"
                + department("ENG") + ",'eightD':true}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    JsonNode step(String user, long id, String action, String body) {
        Response r = post(BASE + "/" + id + "/" + action, tokenFor(user), body == null ? null : j(body));
        assertThat(r.status()).as(action + ": " + r.body()).isEqualTo(200);
        return r.json();
    }

    static List<String> kinds(JsonNode detail) {
        return detail.get("timeline").valueStream().map(e -> e.get("kind").asString()).toList();
    }

    @Test
    void theWholeJourneyFailsVerificationOnceThenPassesAndTheQualityManagerCloses() {
        JsonNode d = open(CapaSources.AUDIT, "内审发现：注油工序无记录");
        long id = d.get("id").asLong();
        assertThat(d.get("code").asString()).matches("CA\\d{4}-\\d{6}");
        assertThat(d.get("status").asString()).isEqualTo("OPEN");
        assertThat(d.get("sources").get(0).get("sourceType").asString()).isEqualTo("AUDIT");
        d = step("complaints", id, "team", "{'name':'陈志强','role':'组长'}");
        step("complaints", id, "containment", "{'containment':'隔离在库批次并全检','version':" + d.get("version").asLong() + "}");
        d = step("quality", id, "root-cause", "{'whys':['异响','润滑不足','漏注油','无防错'],'category':'METHOD',"
                + "'statement':'注油工序无防错'}");
        assertThat(d.get("status").asString()).isEqualTo("ROOT_CAUSE_FOUND");
        assertThat(d.get("whys").size()).isEqualTo(4);
        d = step("quality", id, "actions", "{'description':'加装注油防错','ownerUserId':" + userId("depthead")
                + ",'dueDate':'" + due(5) + "'}");
        assertThat(d.get("status").asString()).isEqualTo("ACTIONS_PLANNED");
        long action = d.get("actions").get(0).get("id").asLong();
        assertThat(d.get("actions").get(0).get("ownerName").asString()).isEqualTo("陈志强");
        // the owner marks his own action done with view permission alone
        d = step("depthead", id, "actions/" + action + "/done", "{'evidence':'防错装置验收记录'}");
        assertThat(d.get("status").asString()).isEqualTo("ACTIONS_DONE");
        assertThat(d.get("effectivenessCheckDue").asString()).isEqualTo(due(30));
        assertThat(d.get("summary").get("allActionsDone").asBoolean()).isTrue();
        step("quality", id, "start-verification", null);
        d = step("quality", id, "effectiveness-checks", "{'effective':false,'evidence':'仍有同类投诉2起'}");
        assertThat(d.get("status").asString()).isEqualTo("ROOT_CAUSE_FOUND");
        assertThat(d.get("reopenCount").asInt()).isEqualTo(1);
        assertThat(d.get("effective").asBoolean()).isFalse();
        assertThat(d.get("summary").get("actionsTotal").asInt()).isZero();
        assertThat(d.get("summary").get("allActionsDone").asBoolean()).isFalse();
        assertThat(kinds(d)).contains("VERIFIED_NOT_EFFECTIVE", "REOPENED");
        // new actions are needed: verification before them is refused naming the state
        Response early = post(BASE + "/" + id + "/start-verification", tokenFor("quality"), null);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body()).contains("ROOT_CAUSE_FOUND");
        d = step("quality", id, "actions", "{'description':'更换润滑脂供应商','ownerUserId':" + userId("teamleader")
                + ",'dueDate':'" + due(10) + "'}");
        long second = d.get("actions").get(1).get("id").asLong();
        assertThat(d.get("actions").get(1).get("round").asInt()).isEqualTo(1);
        step("complaints", id, "actions/" + second + "/done", "{'evidence':'新供应商合格证'}");
        step("quality", id, "start-verification", null);
        d = step("quality", id, "effectiveness-checks", "{'effective':true,'evidence':'连续30天无同类投诉'}");
        assertThat(d.get("status").asString()).isEqualTo("VERIFIED_EFFECTIVE");
        assertThat(d.get("checks").size()).isEqualTo(2);
        assertThat(post(BASE + "/" + id + "/close", tokenFor("complaints"), j("{'recurrencePrevention':'纳入FMEA'}"))
                .status()).isEqualTo(403);
        d = step("quality", id, "close", "{'recurrencePrevention':'纳入PFMEA与作业指导书'}");
        assertThat(d.get("status").asString()).isEqualTo("CLOSED");
        assertThat(d.get("closedBy").asString()).isEqualTo("周卫东");
        assertThat(d.get("summary").get("closedAt").isNull()).isFalse();
        assertThat(kinds(d)).startsWith("OPENED", "TEAM_MEMBER", "CONTAINED", "ROOT_CAUSE_FOUND").endsWith("CLOSED");
        assertThat(get(BASE + "?status=CLOSED&sourceType=AUDIT", tokenFor("gm")).json().get("items").valueStream()
                .anyMatch(r -> r.get("id").asLong() == id)).isTrue();
        long audited = jdbc.sql("select count(*) from audit_event where record_type = 'capa' and record_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single();
        assertThat(audited).isGreaterThanOrEqualTo(12);
    }

    @Test
    void aStepOutOfOrderIs409NamingTheStateAndAStaleVersionIs409() {
        long id = open(CapaSources.MANUAL, "顺序测试").get("id").asLong();
        Response r = post(BASE + "/" + id + "/effectiveness-checks", tokenFor("quality"),
                j("{'effective':true,'evidence':'x'}"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.body()).contains("OPEN");
        r = post(BASE + "/" + id + "/actions", tokenFor("quality"), j("{'description':'x','ownerUserId':"
                + userId("depthead") + ",'dueDate':'" + due(1) + "'}"));
        assertThat(r.status()).isEqualTo(409);
        r = post(BASE + "/" + id + "/containment", tokenFor("quality"), j("{'containment':'隔离','version':99}"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(get(BASE + "/" + id, tokenFor("quality")).json().get("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void badInputIs4xxNamingTheFieldAndNothingIsWritten() {
        long before = jdbc.sql("select count(*) from capa").query(Long.class).single();
        Response r = post(BASE, tokenFor("quality"), j("{'sourceType':'AUDIT','problem':''}"));
        assertThat(r.status()).isIn(400, 422);
        assertThat(r.body()).contains("problem");
        r = post(BASE, tokenFor("quality"), j("{'sourceType':'COMPLAINT','problem':'只能由投诉模块立项'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.body()).contains("sourceType");
        r = post(BASE, tokenFor("quality"), j("{'sourceType':'AUDIT','problem':'x','departmentId':999999999}"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("departmentId");
        assertThat(jdbc.sql("select count(*) from capa").query(Long.class).single()).isEqualTo(before);
        long id = open(CapaSources.INSPECTION, "输入测试").get("id").asLong();
        r = post(BASE + "/" + id + "/root-cause", tokenFor("quality"), j("{'whys':[],'category':'MAN','statement':'s'}"));
        assertThat(r.status()).isIn(400, 422);
        assertThat(r.body()).contains("whys");
        r = post(BASE + "/" + id + "/root-cause", tokenFor("quality"), j("{'whys':['a'],'category':'WEATHER','statement':'s'}"));
        assertThat(r.status()).isIn(400, 422);
        step("quality", id, "root-cause", "{'whys':['a'],'category':'MAN','statement':'s'}");
        r = post(BASE + "/" + id + "/actions", tokenFor("quality"), j("{'description':'x','ownerUserId':"
                + userId("depthead") + ",'dueDate':'2001-01-01'}"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("dueDate");
        r = post(BASE + "/" + id + "/actions", tokenFor("quality"), j("{'description':'x','ownerUserId':999999999,"
                + "'dueDate':'" + due(3) + "'}"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("ownerUserId");
        r = post(BASE + "/" + id + "/actions", tokenFor("quality"), j("{'description':'x'}"));
        assertThat(r.status()).isIn(400, 422);
        assertThat(get(BASE + "/" + id, tokenFor("quality")).json().get("actions").size()).isZero();
        assertThat(get(BASE + "/999999999", tokenFor("quality")).status()).isEqualTo(404);
        assertThat(get(BASE + "?cursor=abc", tokenFor("quality")).status()).isIn(400, 422);
    }

    @Test
    void onlyTheOwnerOrAHandlerMarksAnActionDoneAndOnlyQualityCloses() {
        long id = open(CapaSources.AUDIT, "权限测试").get("id").asLong();
        step("quality", id, "root-cause", "{'whys':['a'],'category':'ENVIRONMENT','statement':'温湿度超标'}");
        JsonNode d = step("quality", id, "actions", "{'description':'加装除湿机','ownerUserId':" + userId("teamleader")
                + ",'dueDate':'" + due(3) + "'}");
        long action = d.get("actions").get(0).get("id").asLong();
        // depthead sees the CAPA (his department) but is not the owner and cannot handle
        assertThat(post(BASE + "/" + id + "/actions/" + action + "/done", tokenFor("depthead"),
                j("{'evidence':'x'}")).status()).isEqualTo(403);
        assertThat(post(BASE + "/" + id + "/actions/" + action + "/done", tokenFor("staff"),
                j("{'evidence':'x'}")).status()).isEqualTo(403);
        assertThat(post(BASE, tokenFor("depthead"), j("{'sourceType':'AUDIT','problem':'x'}")).status()).isEqualTo(403);
        assertThat(post(BASE + "/" + id + "/close", tokenFor("manager"), j("{'recurrencePrevention':'x'}")).status())
                .isEqualTo(403);
        assertThat(post(BASE + "/" + id + "/close", tokenFor("quality"), j("{'recurrencePrevention':'x'}")).status())
                .isEqualTo(409);
        step("teamleader", id, "actions/" + action + "/done", "{'evidence':'除湿机安装照片'}");
    }
}
