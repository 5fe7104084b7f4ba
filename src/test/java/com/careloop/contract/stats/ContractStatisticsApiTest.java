package com.careloop.contract.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * The statistics of a department of its own (so other tests' contracts do not count): a regular contract reviewed on
 * time and accepted (A) shows 100 % on time, A rate 100 %, both aspects with their time; the page and Excel export
 * answer; a reversed period is a 422 naming the field.
 */
class ContractStatisticsApiTest extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    static String today(int plus) {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(plus).toString();
    }

    JsonNode ok(String user, String path, String body) {
        Response r = post(path, tokenFor(user), body == null ? null : j(body));
        assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
        return r.json();
    }

    void prodReviewer() {
        if (jdbc.sql("select count(*) from app_user where username = 'ctrprod'").query(Long.class).single() == 0) {
            long prod = jdbc.sql("select id from department where code = 'PROD'").query(Long.class).single();
            assertThat(post("/api/v1/users", tokenFor("admin"), j("{'username':'ctrprod','displayName':'ctrprod','password':'"
                    + DEMO_PASSWORD + "','position':'STAFF','roles':['STAFF'],'departmentId':" + prod + "}")).status())
                    .isEqualTo(201);
        }
        // the sales vice general manager signs a regular contract after the departments (V163, seed 001-C5)
        if (jdbc.sql("select count(*) from app_user where username = 'ctrvp'").query(Long.class).single() == 0) {
            long gm = jdbc.sql("select id from department where code = 'GM'").query(Long.class).single();
            assertThat(post("/api/v1/users", tokenFor("admin"), j("{'username':'ctrvp','displayName':'ctrvp','password':'"
                    + DEMO_PASSWORD + "','position':'SALES_VP','roles':['STAFF'],'departmentId':" + gm + "}")).status())
                    .isEqualTo(201);
        }
    }

    @Test
    void aReviewedAcceptedContractCountsOnTimeAndAsA() {
        prodReviewer();
        String code = "ST" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Response dept = post("/api/v1/departments", tokenFor("admin"), j("{'code':'" + code + "','name':'统计测试部" + code + "'}"));
        assertThat(dept.status()).as(dept.body()).isEqualTo(201);
        long deptId = dept.json().get("id").asLong();
        Response sp = post("/api/v1/users", tokenFor("admin"), j("{'username':'sp" + code.toLowerCase()
                + "','displayName':'统计业务员','password':'" + DEMO_PASSWORD + "','position':'STAFF','roles':['STAFF'],"
                + "'departmentId':" + deptId + "}"));
        assertThat(sp.status()).as(sp.body()).isEqualTo(201);
        long customerId = jdbc.sql("select id from customer where active = true order by id limit 1").query(Long.class).single();

        Response reg = post("/api/v1/contracts", tokenFor("sales"), j("{'customerId':" + customerId + ",'customerNumber':'"
                + code + "','source':'WRITTEN','contractClass':'REGULAR','orderDate':'" + today(0) + "','deliveryDate':'"
                + today(20) + "','salespersonId':" + sp.json().get("id").asLong()
                + ",'lines':[{'product':'纸箱','quantity':100,'unit':'只','unitPrice':2.5}]}"));
        assertThat(reg.status()).as(reg.body()).isEqualTo(201);
        long id = reg.json().get("id").asLong();
        ok("sales", "/api/v1/contracts/" + id + "/submit", null);
        ok("sales", "/api/v1/contract-reviews/" + id + "/signatures", "{'aspect':'QUANTITY_PRICE_PAYMENT','verdict':'ACCEPT'}");
        ok("ctrprod", "/api/v1/contract-reviews/" + id + "/signatures", "{'aspect':'CAPACITY_DELIVERY','verdict':'ACCEPT'}");
        ok("ctrvp", "/api/v1/contract-reviews/" + id + "/signatures", "{'aspect':'VICE_GM_SIGNOFF','verdict':'ACCEPT'}");
        ok("gm", "/api/v1/contracts/" + id + "/outcome", "{'outcome':'A','comment':'同意'}");

        Response r = get("/api/v1/contracts/statistics?from=" + today(-1) + "&to=" + today(1) + "&departmentId=" + deptId,
                tokenFor("gm"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode f = r.json();
        assertThat(f.get("contractsSubmitted").asLong()).isEqualTo(1);
        assertThat(f.get("signatures").asLong()).isEqualTo(3);
        assertThat(f.get("signaturesOnTime").asLong()).isEqualTo(3);
        assertThat(f.get("onTimeRate").decimalValue()).isEqualByComparingTo("100.0");
        assertThat(f.get("outcomeA").asLong()).isEqualTo(1);
        assertThat(f.get("rateA").decimalValue()).isEqualByComparingTo("100.0");
        assertThat(f.get("byAspect").valueStream().map(a -> a.get("aspect").asString()))
                .containsExactly("contract.aspect.CAPACITY_DELIVERY", "contract.aspect.QUANTITY_PRICE_PAYMENT",
                        "contract.aspect.VICE_GM_SIGNOFF");
        assertThat(f.get("changes").asLong()).isZero();
        assertThat(f.get("tenders").asLong()).isZero();

        Response reversed = get("/api/v1/contracts/statistics?from=" + today(1) + "&to=" + today(-1), tokenFor("gm"));
        assertThat(reversed.status()).isEqualTo(422);
        assertThat(reversed.json().get("errors").get(0).get("field").asString()).isEqualTo("to");

        var page = new com.careloop.support.PageSession(port);
        page.login("gm", DEMO_PASSWORD);
        assertThat(page.get("/contracts/statistics?departmentId=" + deptId).body()).contains("合同评审统计", "100.0 %");
        var xlsx = page.get("/contracts/statistics/export?departmentId=" + deptId);
        assertThat(xlsx.status()).isEqualTo(200);
    }
}
