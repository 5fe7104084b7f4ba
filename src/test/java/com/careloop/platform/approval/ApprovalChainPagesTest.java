package com.careloop.platform.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import com.careloop.support.ApiTestBase;
import com.careloop.support.PageSession;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The approval chains page: only with {@code approvals:configure}; add a step without saving; a chain that cannot run
 * is 422 with the field marked; saving bumps the version; saving on a stale version is 409 with the reason on the
 * page and the editor's input kept.
 */
class ApprovalChainPagesTest extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    private String chain() {
        String code = "test." + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("insert into approval_chain (code, name_code, stages, version, updated_at) values (:c, :c, :s, 0, :at)")
                .param("c", code).param("s", "[{\"mode\":\"ANY_OF\",\"steps\":[{\"kind\":\"USER\",\"ref\":\"manager\","
                        + "\"deadlineDays\":1}]}]").param("at", Timestamp.from(Instant.now())).update();
        return code;
    }

    private long version(String code) {
        return jdbc.sql("select version from approval_chain where code = :c").param("c", code).query(Long.class).single();
    }

    @Test
    void onlyThoseWhoConfigureApprovalsSeeTheChains() {
        PageSession supervisor = new PageSession(port);
        supervisor.login("supervisor", DEMO_PASSWORD);
        assertThat(supervisor.get("/admin/approval-chains").status()).isEqualTo(403);
        assertThat(supervisor.get("/admin/approval-chains/report.WEEKLY").status()).isEqualTo(403);

        PageSession manager = new PageSession(port);
        manager.login("manager", DEMO_PASSWORD);
        PageSession.Page list = manager.get("/admin/approval-chains");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("report.WEEKLY").contains("客服中心周报表审批").contains("或签");
        assertThat(list.body()).contains("/admin/approval-chains/report.WEEKLY");
    }

    @Test
    void aChainIsEditedStepByStepAndSavedWithItsVersion() {
        String code = chain();
        String path = "/admin/approval-chains/" + code;
        PageSession s = new PageSession(port);
        s.login("manager", DEMO_PASSWORD);
        PageSession.Page form = s.get(path);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"stages[0].steps[0].ref\"").contains("value=\"manager\"");

        PageSession.Page added = s.post(path, "version", "0", "stages[0].mode", "ANY_OF",
                "stages[0].steps[0].kind", "USER", "stages[0].steps[0].ref", "manager", "stages[0].steps[0].deadlineDays", "1",
                "stages[0].steps[0].aspect", "", "op", "add-step:0");
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.body()).contains("name=\"stages[0].steps[1].kind\"");
        assertThat(version(code)).as("adding a row saves nothing").isZero();

        PageSession.Page unknown = s.post(path, "version", "0", "stages[0].mode", "ALL_OF",
                "stages[0].steps[0].kind", "USER", "stages[0].steps[0].ref", "manager", "stages[0].steps[0].deadlineDays", "1",
                "stages[0].steps[1].kind", "USER", "stages[0].steps[1].ref", "nobody-" + code,
                "stages[0].steps[1].deadlineDays", "2", "op", "save");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("nobody-" + code).contains("不存在")
                .containsPattern("name=\"stages\\[0\\]\\.steps\\[1\\]\\.ref\"[^>]*aria-invalid=\"true\"");
        assertThat(version(code)).isZero();

        PageSession.Page saved = s.post(path, "version", "0", "stages[0].mode", "ALL_OF",
                "stages[0].steps[0].kind", "USER", "stages[0].steps[0].ref", "manager", "stages[0].steps[0].deadlineDays", "1",
                "stages[0].steps[1].kind", "DEPARTMENT_HEAD", "stages[0].steps[1].ref", "",
                "stages[0].steps[1].deadlineDays", "2", "stages[0].steps[1].aspect", "approvals.aspect.report",
                "stages[1].mode", "ANY_OF", "stages[1].steps[0].kind", "POSITION", "stages[1].steps[0].ref",
                "GENERAL_MANAGER", "stages[1].steps[0].deadlineDays", "3", "op", "save");
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.location()).endsWith("/admin/approval-chains");
        assertThat(version(code)).isEqualTo(1);
        assertThat(jdbc.sql("select stages from approval_chain where code = :c").param("c", code).query(String.class).single())
                .contains("DEPARTMENT_HEAD").contains("GENERAL_MANAGER").contains("ALL_OF");

        PageSession.Page stale = s.post(path, "version", "0", "stages[0].mode", "ANY_OF",
                "stages[0].steps[0].kind", "USER", "stages[0].steps[0].ref", "quality", "stages[0].steps[0].deadlineDays", "5",
                "op", "save");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("已被他人修改").contains("value=\"quality\"").contains("id=\"chain-conflict\"");
        assertThat(version(code)).isEqualTo(1);
    }

    /** The review matrix's default: a chain seeded by the product keeps its seeds, and reset brings them back. */
    @Test
    void aChainIsResetToItsSeedsWithItsVersionAndAudited() {
        String code = chain();
        jdbc.sql("update approval_chain set default_stages = stages where code = :c").param("c", code).update();
        String path = "/admin/approval-chains/" + code;
        PageSession s = new PageSession(port);
        s.login("manager", DEMO_PASSWORD);
        s.get(path);
        assertThat(s.post(path, "version", "0", "stages[0].mode", "ALL_OF", "stages[0].steps[0].kind", "POSITION",
                "stages[0].steps[0].ref", "GENERAL_MANAGER", "stages[0].steps[0].deadlineDays", "2", "op", "save").status())
                .isEqualTo(302);
        assertThat(s.get(path).body()).contains("id=\"reset-chain\"").contains("恢复默认");

        PageSession.Page stale = s.post(path + "/reset", "version", "0");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("已被他人修改");
        assertThat(version(code)).isEqualTo(1);

        PageSession.Page reset = s.post(path + "/reset", "version", "1");
        assertThat(reset.status()).isEqualTo(302);
        assertThat(version(code)).isEqualTo(2);
        assertThat(jdbc.sql("select stages from approval_chain where code = :c").param("c", code).query(String.class).single())
                .contains("\"ref\":\"manager\"", "ANY_OF").doesNotContain("GENERAL_MANAGER");
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'approval-chain' and record_id = :c"
                + " and action = 'RESET'").param("c", code).query(Long.class).single()).isEqualTo(1);

        String other = chain();
        jdbc.sql("update approval_chain set default_stages = null where code = :c").param("c", other).update();
        assertThat(s.get("/admin/approval-chains/" + other).body()).doesNotContain("id=\"reset-chain\"");
        Response none = post("/api/v1/approval-chains/" + other + "/reset", tokenFor("manager"), j("{'version':0}"));
        assertThat(none.status()).isEqualTo(409);
        assertThat(none.body()).contains("approvals.chain-no-default");
    }

    /** The contract review matrix as shipped is each contract chain's default (V130), so it can always be reset. */
    @Test
    void theContractReviewMatrixShipsAsTheDefault() {
        for (String chain : java.util.List.of("contract.REGULAR", "contract.SPECIAL", "contract.CHANGE", "contract.major",
                "tender.review")) {
            assertThat(jdbc.sql("select default_stages from approval_chain where code = :c").param("c", chain)
                    .query(String.class).optional()).as(chain).hasValueSatisfying(d -> assertThat(d).contains("\"steps\""));
        }
        Response special = post("/api/v1/approval-chains/contract.SPECIAL/reset", tokenFor("supervisor"), j("{'version':0}"));
        assertThat(special.status()).isEqualTo(403);
    }

    /**
     * V135: every installation gets the seeds' matrix as the contract chains' default, also one whose chain was edited
     * before V130 recorded defaults (simulated: the default removed, the migration's statements run again). A chain
     * with a default keeps it; on a new installation V135 equals what V130 recorded.
     */
    @Test
    void v135GivesEveryContractChainTheSeedsAsItsDefault() throws Exception {
        String script = new String(new org.springframework.core.io.ClassPathResource(
                "db/migration/common/V135__contract_review_chain_defaults.sql").getInputStream().readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        String statements = script.lines().filter(l -> !l.startsWith("--"))
                .collect(java.util.stream.Collectors.joining("\n"));
        java.util.List<String> updates = java.util.Arrays.stream(statements.split(";")).map(String::strip)
                .filter(st -> !st.isEmpty()).toList();
        assertThat(updates).hasSize(5);
        java.util.Map<String, String> before = new java.util.HashMap<>();
        for (String chain : java.util.List.of("contract.REGULAR", "contract.SPECIAL", "contract.CHANGE", "contract.major",
                "tender.review")) {
            before.put(chain, jdbc.sql("select default_stages from approval_chain where code = :c").param("c", chain)
                    .query(String.class).single());
        }
        jdbc.sql("update approval_chain set default_stages = null where code = 'contract.SPECIAL'").update();
        updates.forEach(u -> jdbc.sql(u).update());
        // V163 then gives the regular and special chains the seeds' people (chief engineer, sales vice GM) as default
        String v163 = new String(new org.springframework.core.io.ClassPathResource(
                "db/migration/common/V163__contract_review_seed_people.sql").getInputStream().readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("--"))
                .collect(java.util.stream.Collectors.joining("\n"));
        java.util.Arrays.stream(v163.split(";")).map(String::strip).filter(st -> st.startsWith("update"))
                .filter(st -> st.contains("set default_stages")).forEach(u -> jdbc.sql(u).update());
        for (var e : before.entrySet()) {
            String now = jdbc.sql("select default_stages from approval_chain where code = :c").param("c", e.getKey())
                    .query(String.class).single();
            assertThat(json.readTree(now)).as(e.getKey()).isEqualTo(json.readTree(e.getValue()));
        }
        assertThat(before.get("contract.major")).contains("GENERAL_MANAGER");
    }
}
