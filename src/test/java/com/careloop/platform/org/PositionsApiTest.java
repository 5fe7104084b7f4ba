package com.careloop.platform.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.careloop.platform.ApprovalSubject;
import com.careloop.platform.Approvals;
import com.careloop.platform.Text;
import com.careloop.platform.Texts;
import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** Positions as data (issue 16 item 10): create, rename, retire (409 while in use), users and approval chains. */
class PositionsApiTest extends ApiTestBase {

    @Autowired
    Approvals approvals;
    @Autowired
    Texts texts;

    private String admin() {
        return tokenFor("admin");
    }

    private static String code() {
        return "P" + UUID.randomUUID().toString().substring(0, 8).toUpperCase().replace('-', '_');
    }

    private JsonNode create(String code, String zhCn) {
        Response r = post("/api/v1/positions", admin(), j("{'code':'" + code + "','nameZhCn':'" + zhCn
                + "','nameZhTw':'" + zhCn + "（繁）','nameEn':'EN " + code + "','sortOrder':300}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private long createUser(String position) {
        Response user = post("/api/v1/users", admin(), j("{'username':'u" + code().toLowerCase()
                + "','displayName':'岗位测试','password':'secret-123','position':'" + position + "','roles':['STAFF']}"));
        assertThat(user.status()).as(user.body()).isEqualTo(201);
        return user.json().get("id").asLong();
    }

    @Test
    void theMigratedAndTheSeedsPositionsAreListed() {
        JsonNode all = get("/api/v1/positions", tokenFor("manager")).json();
        assertThat(all.valueStream().map(p -> p.get("code").asString()))
                .contains("GENERAL_MANAGER", "CS_SUPERVISOR", "STAFF", "SALES_VP", "CHIEF_ENGINEER", "CONTRACT_ADMIN",
                        "BUSINESS_MANAGER");
        JsonNode gm = all.valueStream().filter(p -> p.get("code").asString().equals("GENERAL_MANAGER")).findFirst().orElseThrow();
        assertThat(gm.get("builtIn").asBoolean()).isTrue();
        assertThat(gm.get("nameZhCn").asString()).isEqualTo("总经理");
        assertThat(get("/api/v1/positions", tokenFor("staff")).status()).isEqualTo(403);
    }

    @Test
    void aCreatedPositionIsRenamedAndItsLabelFollowsInEveryLanguage() {
        String code = code();
        JsonNode p = create(code, "总工程师甲");
        long id = p.get("id").asLong();
        assertThat(texts.render(Text.label("position", code), Locale.SIMPLIFIED_CHINESE)).isEqualTo("总工程师甲");

        Response renamed = put("/api/v1/positions/" + id, admin(), j("{'code':'" + code + "','nameZhCn':'总工程师乙',"
                + "'nameZhTw':'總工程師乙','nameEn':'Chief engineer B','version':" + p.get("version").asLong() + "}"));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().get("nameZhCn").asString()).isEqualTo("总工程师乙");
        assertThat(texts.render(Text.label("position", code), Locale.SIMPLIFIED_CHINESE)).isEqualTo("总工程师乙");
        assertThat(texts.render(Text.label("position", code), Locale.TRADITIONAL_CHINESE)).isEqualTo("總工程師乙");
        assertThat(texts.render(Text.label("position", code), Locale.ENGLISH)).isEqualTo("Chief engineer B");
        assertThat(get("/api/v1/audit-events/position/" + id, admin()).json().valueStream()
                .map(e -> e.get("action").asString())).containsExactly("CREATE", "UPDATE");

        Response duplicate = post("/api/v1/positions", admin(), j("{'code':'" + code + "','nameZhCn':'重复'}"));
        assertThat(duplicate.status()).isEqualTo(422);
        assertThat(duplicate.json().get("errors").get(0).get("field").asString()).isEqualTo("code");
        Response builtIn = put("/api/v1/positions/" + get("/api/v1/positions", admin()).json().valueStream()
                .filter(x -> x.get("code").asString().equals("STAFF")).findFirst().orElseThrow().get("id").asLong(),
                admin(), j("{'code':'STAFF','nameZhCn':'职员'}"));
        assertThat(builtIn.status()).isEqualTo(409);
    }

    @Test
    void aPositionInUseCannotBeRetiredAndARetiredOneCannotBeGiven() {
        String code = code();
        long id = create(code, "合同管理员甲").get("id").asLong();
        long user = createUser(code);
        assertThat(get("/api/v1/users/" + user, admin()).json().get("position").asString()).isEqualTo(code);

        Response inUse = post("/api/v1/positions/" + id + "/retire", admin(), "");
        assertThat(inUse.status()).as(inUse.body()).isEqualTo(409);
        assertThat(inUse.json().get("code").asString()).isEqualTo("position.in-use");

        assertThat(post("/api/v1/users/" + user + "/deactivate", admin(), "").status()).isEqualTo(200);
        Response retired = post("/api/v1/positions/" + id + "/retire", admin(), "");
        assertThat(retired.status()).as(retired.body()).isEqualTo(200);
        assertThat(retired.json().get("active").asBoolean()).isFalse();

        Response refused = post("/api/v1/users", admin(), j("{'username':'u" + code().toLowerCase()
                + "','displayName':'乙','password':'secret-123','position':'" + code + "','roles':['STAFF']}"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("position");
        Response unknown = post("/api/v1/users", admin(), j("{'username':'u" + code().toLowerCase()
                + "','displayName':'丙','password':'secret-123','position':'NO_SUCH_POSITION','roles':['STAFF']}"));
        assertThat(unknown.status()).isEqualTo(422);
    }

    @Test
    void anApprovalChainStepNamesANewPositionAndItsHolderGetsTheTask() {
        String code = code();
        long id = create(code, "销售副总经理甲").get("id").asLong();
        long holder = createUser(code);
        String chain = "test.pos." + code.toLowerCase();
        String stages = "[{'mode':'ANY_OF','steps':[{'kind':'POSITION','ref':'" + code + "','deadlineDays':1}]}]";
        jdbcInsertChain(chain);
        Response edited = put("/api/v1/approval-chains/" + chain, tokenFor("admin"), j("{'version':0,'stages':" + stages + "}"));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);

        long subject = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
        approvals.start(new ApprovalSubject("test", subject, "T-" + subject, Text.literal("岗位审批 " + subject),
                "/test/" + subject, null), chain, null);
        assertThat(approvals.trail("test", subject)).hasSize(1);
        var task = approvals.trail("test", subject).get(0);
        assertThat(approvals.mayDecide(task.taskId(), holder)).isTrue();
        assertThat(texts.render(task.assignee(), Locale.SIMPLIFIED_CHINESE)).contains("销售副总经理甲");

        Response retire = post("/api/v1/positions/" + id + "/retire", admin(), "");
        assertThat(retire.status()).as("named by a chain").isEqualTo(409);
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private void jdbcInsertChain(String code) {
        jdbc.sql("insert into approval_chain (code, name_code, stages, version, updated_at) values (:c, :c, '[]', 0, :at)")
                .param("c", code).param("at", java.sql.Timestamp.from(java.time.Instant.now())).update();
    }
}
