package com.careloop.property;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import com.careloop.platform.PermissionCatalog;
import com.careloop.support.ApiTestBase;
import com.careloop.support.PageSession;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The samples' pages in every language: the register, the sample with its round and the steps' forms, the inspection
 * report's print view, the notice form, the customer page's section with the sealed sample; a step through the page.
 */
class SamplePagesTest extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "zh-CN, 样品发送登记表, 样品检查报告, 已封样",
            "zh-TW, 樣品發送登記表, 樣品檢查報告, 已封樣",
            "en, Sample dispatch register, Sample inspection report, Sealed"})
    void registerSampleReportAndSectionRenderInEveryLanguage(String lang, String register, String report,
                                                            String sealed) {
        long sales = jdbc.sql("select id from app_user where username = 'sales'").query(Long.class).single();
        long customer = post("/api/v1/customers", tokenFor("manager"), j("{'name':'页面样品客户"
                + UUID.randomUUID().toString().substring(0, 6) + "','kind':'ORGANISATION','phone':'136"
                + String.format("%08d", (long) (Math.random() * 100_000_000L)) + "','representativeId':" + sales
                + "}")).json().get("id").asLong();
        long eng = jdbc.sql("select id from department where code = 'ENG'").query(Long.class).single();
        Response r = post("/api/v1/samples", tokenFor("sales"), j("{'customerId':" + customer + ",'itemName':'页面样品',"
                + "'quantity':5,'unit':'件','requiredOn':'" + LocalDate.now(ZoneId.of("Asia/Shanghai"))
                + "','productionDepartmentId':" + eng + "}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        String code = r.json().get("code").asString();
        PageSession head = new PageSession(port);
        head.login("depthead", DEMO_PASSWORD);
        head.get("/?lang=" + lang);
        PageSession.Page page = head.get("/samples/" + id);
        assertThat(page.body()).contains(code).contains("id=\"accept-form\"").doesNotContain("??");
        assertThat(head.post("/samples/" + id + "/accept", "version", r.json().get("version").asString()).status())
                .isIn(302, 303);
        assertThat(head.get("/samples/" + id).body()).contains("id=\"make-form\"").doesNotContain("??");
        post("/api/v1/samples/" + id + "/making", tokenFor("depthead"), j("{'parameters':'p','quantityMade':5}"));
        post("/api/v1/samples/" + id + "/inspection", tokenFor("quality"), j("{'passed':true,'measurements':"
                + "[{'characteristic':'外观','requirement':'无缺陷','measured':'无缺陷','ok':true}]}"));
        post("/api/v1/samples/" + id + "/dispatch", tokenFor("sales"), j("{'quantitySent':5,'trackingNo':'SF9'}"));
        post("/api/v1/samples/" + id + "/confirmation", tokenFor("sales"), j("{'approved':true}"));
        post("/api/v1/samples/" + id + "/seal", tokenFor("sales"), j("{'location':'封样柜 P-9'}"));
        PageSession s = new PageSession(port);
        s.login("manager", DEMO_PASSWORD);
        s.get("/?lang=" + lang);
        PageSession.Page list = s.get("/samples?customerId=" + customer);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("id=\"samples\"").contains(register).contains(code).contains(sealed)
                .doesNotContain("??");
        assertThat(s.get("/samples?status=SENT&sentFrom=2026-01-01&sentTo=2099-01-01&q=x").status()).isEqualTo(200);
        PageSession.Page detail = s.get("/samples/" + id);
        assertThat(detail.body()).contains("封样柜 P-9").contains("id=\"round-1\"").doesNotContain("??");
        PageSession.Page print = s.get("/samples/" + id + "/rounds/1/inspection");
        assertThat(print.status()).isEqualTo(200);
        assertThat(print.body()).contains(report).contains("外观").doesNotContain("??");
        assertThat(s.get("/samples/register?customerId=" + customer).body()).contains("R-QP-005-5").contains("SF9")
                .doesNotContain("??");
        assertThat(s.get("/samples/new?customerId=" + customer).body()).contains("id=\"sample-new\"")
                .doesNotContain("??");
        assertThat(s.get("/customers/" + customer).body()).contains("id=\"customer-sealed-samples\"")
                .contains("封样柜 P-9").doesNotContain("??");
    }

    /** An approved sample, through the API (sales, production ENG, quality), ready to be sealed. */
    long approvedSample(String name) {
        long sales = jdbc.sql("select id from app_user where username = 'sales'").query(Long.class).single();
        long customer = post("/api/v1/customers", tokenFor("manager"), j("{'name':'" + name
                + UUID.randomUUID().toString().substring(0, 6) + "','kind':'ORGANISATION','phone':'137"
                + String.format("%08d", (long) (Math.random() * 100_000_000L)) + "','representativeId':" + sales
                + "}")).json().get("id").asLong();
        long eng = jdbc.sql("select id from department where code = 'ENG'").query(Long.class).single();
        Response r = post("/api/v1/samples", tokenFor("sales"), j("{'customerId':" + customer + ",'itemName':'封样样品',"
                + "'quantity':5,'unit':'件','requiredOn':'" + LocalDate.now(ZoneId.of("Asia/Shanghai"))
                + "','productionDepartmentId':" + eng + "}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        post("/api/v1/samples/" + id + "/accept", tokenFor("depthead"), null);
        post("/api/v1/samples/" + id + "/making", tokenFor("depthead"), j("{'parameters':'p','quantityMade':5}"));
        post("/api/v1/samples/" + id + "/inspection", tokenFor("quality"), j("{'passed':true,'measurements':"
                + "[{'characteristic':'外观','requirement':'无缺陷','measured':'无缺陷','ok':true}]}"));
        post("/api/v1/samples/" + id + "/dispatch", tokenFor("sales"), j("{'quantitySent':5,'trackingNo':'SF7'}"));
        Response approved = post("/api/v1/samples/" + id + "/confirmation", tokenFor("sales"), j("{'approved':true}"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
        return id;
    }

    @Test
    void theSealingFormChoosesTheKeepingDepartment() {
        long id = approvedSample("封样部门客户");
        long prod = jdbc.sql("select id from department where code = 'PROD'").query(Long.class).single();
        String prodName = jdbc.sql("select name from department where id = :id").param("id", prod).query(String.class)
                .single();
        PageSession s = new PageSession(port);
        s.login("sales", DEMO_PASSWORD);
        String page = s.get("/samples/" + id).body();
        assertThat(page).contains("id=\"seal-keeping-department\"").contains(prodName).doesNotContain("??");
        long version = jdbc.sql("select version from sample where id = :id").param("id", id).query(Long.class).single();
        PageSession.Page sealed = s.post("/samples/" + id + "/seal", "version", String.valueOf(version), "location",
                "封样柜 K-1", "keepUntil", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusYears(2).toString(),
                "keepingDepartmentId", String.valueOf(prod));
        assertThat(sealed.status()).isIn(302, 303);
        var seal = get("/api/v1/samples/" + id, tokenFor("manager")).json().get("seal");
        assertThat(seal.get("keepingDepartmentId").asLong()).isEqualTo(prod);
        assertThat(s.get("/samples/" + id).body()).contains("id=\"sample-keeper\"").contains(prodName);
    }

    @Autowired
    java.util.List<PermissionCatalog> catalogs;

    @Test
    void keepingASealedSampleIsItsOwnPermissionGivenByMigrationToRolesThatInspect() throws Exception {
        assertThat(catalogs).filteredOn(c -> c.module().equals("sample")).singleElement().satisfies(c -> {
            assertThat(c.permissions()).contains(SamplePermissions.KEEP);
            assertThat(c.defaultGrants().get("QUALITY_MANAGER")).contains(SamplePermissions.KEEP);
            assertThat(c.defaultGrants().get("STAFF")).doesNotContain(SamplePermissions.KEEP);
        });
        // an install from before V166: a role that may inspect samples but has no sample:keep
        String code = "KEEPTEST" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        jdbc.sql("insert into app_role (code, name, data_scope, built_in, version) values (:c, '封样测试角色', 'DEPARTMENT',"
                + " false, 0)").param("c", code).update();
        long role = jdbc.sql("select id from app_role where code = :c").param("c", code).query(Long.class).single();
        jdbc.sql("insert into role_permission (role_id, permission) values (:r, 'sample:inspect')").param("r", role)
                .update();
        String migration = new String(getClass().getResourceAsStream(
                "/db/migration/common/V166__sample_keep_permission.sql").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
        jdbc.sql(migration).update();
        jdbc.sql(migration).update(); // idempotent
        assertThat(jdbc.sql("select permission from role_permission where role_id = :r order by permission")
                .param("r", role).query(String.class).list()).containsExactly("sample:inspect", "sample:keep");
        // a salesperson (no sample:keep) cannot decide on a sealed sample
        assertThat(post("/api/v1/samples/" + approvedSample("封样权限客户") + "/keep", tokenFor("sales"),
                j("{'decision':'EXTEND'}")).status()).isEqualTo(403);
    }
}
