package com.careloop.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.support.ApiTestBase;
import com.careloop.support.PageSession;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The change kind → review aspect table is configuration data an administrator edits (issue 16 item 2): read with
 * its version, replaced whole (stale → 409, a kind without aspects → 422 naming it, nothing saved), audited, reset to
 * the seeds' default; the same on the page {@code /admin/contract-review-matrix} in each language. Every test leaves
 * the seeds' table behind (other test classes share the database).
 */
class ChangeAspectSettingsTest extends ApiTestBase {

    private static final String API = "/api/v1/contracts/change-aspects";
    private static final String PAGE = "/admin/contract-review-matrix";

    @Autowired
    JdbcClient jdbc;

    private long version() {
        return get(API, tokenFor("manager")).json().get("version").asLong();
    }

    private long audits(String action) {
        return jdbc.sql("select count(*) from audit_event where record_type = 'contract-change-aspects' and action = :a")
                .param("a", action).query(Long.class).single();
    }

    @AfterEach
    void backToTheSeeds() {
        post(API + "/reset", tokenFor("manager"), j("{'version':" + version() + "}"));
    }

    private static String all(String material) {
        return "{'QUANTITY':['QUANTITY_PRICE_PAYMENT','PAYMENT_CREDIT'],'PRICE':['QUANTITY_PRICE_PAYMENT'],"
                + "'DELIVERY_DATE':['CAPACITY_DELIVERY'],'STRUCTURE_SPEC':['STANDARDS_PARAMETERS'],"
                + "'PROCESS':['PROCESS_CAPABILITY'],'PACKAGING_REQUIREMENTS':['INSPECTION_ACCEPTANCE'],"
                + "'MATERIAL':" + material + ",'TERMINATION':['TERMINATION']}";
    }

    @Test
    void anAdministratorEditsTheTableWithItsVersionAndResetsItToTheSeeds() {
        assertThat(get(API, tokenFor("supervisor")).status()).isEqualTo(403);
        var read = get(API, tokenFor("manager"));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("isDefault").asBoolean()).isTrue();
        assertThat(read.json().get("aspects").get("QUANTITY").toString()).contains("QUANTITY_PRICE_PAYMENT", "PAYMENT_CREDIT");
        long v = read.json().get("version").asLong();
        long updates = audits("UPDATE");

        var empty = put(API, tokenFor("manager"), j("{'version':" + v + ",'aspects':" + all("[]") + "}"));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.body()).contains("aspects.MATERIAL");
        var major = put(API, tokenFor("manager"), j("{'version':" + v + ",'aspects':" + all("['MAJOR']") + "}"));
        assertThat(major.status()).isEqualTo(422);
        var stale = put(API, tokenFor("manager"), j("{'version':" + (v + 7) + ",'aspects':" + all("['MATERIALS']") + "}"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(version()).as("nothing saved").isEqualTo(v);

        var saved = put(API, tokenFor("manager"), j("{'version':" + v + ",'aspects':"
                + all("['MATERIALS','CAPACITY_DELIVERY']") + "}"));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.json().get("version").asLong()).isEqualTo(v + 1);
        assertThat(saved.json().get("isDefault").asBoolean()).isFalse();
        assertThat(saved.json().get("aspects").get("MATERIAL").toString()).contains("MATERIALS", "CAPACITY_DELIVERY");
        assertThat(saved.json().get("updatedByName").asString()).isNotBlank();
        assertThat(jdbc.sql("select count(*) from contract_change_aspect where kind = 'MATERIAL'").query(Long.class).single())
                .isEqualTo(2);
        assertThat(audits("UPDATE")).isEqualTo(updates + 1);

        long resets = audits("RESET");
        assertThat(post(API + "/reset", tokenFor("manager"), j("{'version':" + v + "}")).status()).isEqualTo(409);
        var reset = post(API + "/reset", tokenFor("manager"), j("{'version':" + (v + 1) + "}"));
        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.json().get("isDefault").asBoolean()).isTrue();
        assertThat(reset.json().get("aspects").get("MATERIAL").toString()).doesNotContain("CAPACITY_DELIVERY");
        assertThat(audits("RESET")).isEqualTo(resets + 1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "zh-CN, 合同评审矩阵, 材料, 至少需要一项评审内容, 已被他人修改, 特殊合同评审",
            "zh-TW, 合約評審矩陣, 材料, 至少需要一項評審內容, 已被他人修改, 特殊合約評審",
            "en, Contract review matrix, Material, needs at least one review aspect, changed the matrix meanwhile, Special"})
    void theMatrixPageEditsTheTableInTheReadersLanguage(String lang, String title, String material, String empty,
                                                        String conflict, String chain) {
        PageSession s = new PageSession(port);
        s.login("manager", DEMO_PASSWORD);
        s.get("/?lang=" + lang);
        String html = s.get(PAGE).body();
        assertThat(html).contains(title, material, chain, "/admin/approval-chains/contract.SPECIAL", "id=\"matrix-default\"")
                .containsPattern("name=\"aspects.MATERIAL\" value=\"MATERIALS\"[^>]*checked").doesNotContain("??", "contract.matrix.");
        long v = version();

        String[] ticks = {"aspects.QUANTITY", "QUANTITY_PRICE_PAYMENT", "aspects.PRICE", "PAYMENT_CREDIT",
                "aspects.DELIVERY_DATE", "CAPACITY_DELIVERY", "aspects.STRUCTURE_SPEC", "STANDARDS_PARAMETERS",
                "aspects.PROCESS", "PROCESS_CAPABILITY", "aspects.PACKAGING_REQUIREMENTS", "INSPECTION_ACCEPTANCE",
                "aspects.TERMINATION", "TERMINATION"};
        PageSession.Page refused = s.post(PAGE, concat(ticks, "version", String.valueOf(v), "op", "save"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains(empty).contains("id=\"kind-MATERIAL\" aria-invalid=\"true\"");
        assertThat(version()).isEqualTo(v);

        PageSession.Page saved = s.post(PAGE, concat(ticks, "aspects.MATERIAL", "MATERIALS", "version", String.valueOf(v),
                "op", "save"));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(version()).isEqualTo(v + 1);
        assertThat(s.get(PAGE).body()).doesNotContain("id=\"matrix-default\"");

        PageSession.Page stale = s.post(PAGE, concat(ticks, "aspects.MATERIAL", "MATERIALS", "version", String.valueOf(v),
                "op", "save"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains(conflict, "id=\"matrix-conflict\"");

        assertThat(s.post(PAGE, "version", String.valueOf(v + 1), "op", "reset").status()).isEqualTo(302);
        assertThat(s.get(PAGE).body()).contains("id=\"matrix-default\"");
    }

    @Test
    void onlyThoseWhoConfigureApprovalsSeeTheMatrix() {
        PageSession s = new PageSession(port);
        s.login("supervisor", DEMO_PASSWORD);
        assertThat(s.get(PAGE).status()).isEqualTo(403);
        PageSession m = new PageSession(port);
        m.login("manager", DEMO_PASSWORD);
        assertThat(m.get("/").body()).contains(PAGE);
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
