package com.careloop.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import com.careloop.support.ApiTestBase;
import com.careloop.support.PrintedPdf;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Seed 001-C4 (一般合同，有库存): a regular contract whose goods are in stock needs no countersign — the salesperson's
 * issue slip (出库单) signed by the warehouse keeper (position WAREHOUSE_KEEPER, chain contract.REGULAR_IN_STOCK) is
 * the review: accepted at once, no production task notice; the printed issue slip carries the keeper's signature.
 * Runs on H2 and PostgreSQL (tag api).
 */
class ContractInStockApiTest extends ApiTestBase {

    static final String BASE = "/api/v1/contracts";
    static final String REVIEWS = "/api/v1/contract-reviews";

    @Autowired
    JdbcClient jdbc;

    long customerId;

    @BeforeEach
    void people() {
        user("ctrwarehouse", "PROD", "WAREHOUSE_KEEPER", "STAFF");
        user("ctrprod", "PROD", "STAFF", "STAFF");
        user("ctrsalesmgr", "SALES", "DEPT_HEAD", "DEPT_HEAD");
        customerId = jdbc.sql("select id from customer where active = true order by id limit 1").query(Long.class).single();
    }

    void user(String username, String department, String position, String role) {
        if (jdbc.sql("select count(*) from app_user where username = :u").param("u", username).query(Long.class).single() > 0) {
            return;
        }
        long dept = jdbc.sql("select id from department where code = :c").param("c", department).query(Long.class).single();
        Response r = post("/api/v1/users", tokenFor("admin"), j("{'username':'" + username + "','displayName':'"
                + username + "','password':'" + DEMO_PASSWORD + "','position':'" + position + "','roles':['" + role
                + "'],'departmentId':" + dept + "}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    static String today(int plusDays) {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(plusDays).toString();
    }

    Response register(String cls, String product, boolean inStock) {
        return post(BASE, tokenFor("sales"), j("{'customerId':" + customerId + ",'customerNumber':'KC-"
                + UUID.randomUUID().toString().substring(0, 8) + "','source':'WRITTEN','contractClass':'" + cls + "',"
                + "'orderDate':'" + today(0) + "','deliveryDate':'" + today(3) + "','paymentTerms':'现款',"
                + "'lines':[{'product':'" + product + "','spec':'KX-300 五层','quantity':120,'unit':'只',"
                + "'unitPrice':6.50}],'inStock':" + inStock + "}"));
    }

    Response sign(String user, long id, String aspect, String verdict, String comment) {
        return post(REVIEWS + "/" + id + "/signatures", tokenFor(user), j("{'aspect':'" + aspect + "','verdict':'"
                + verdict + "'" + (comment == null ? "" : ",'comment':'" + comment + "'") + "}"));
    }

    JsonNode submitted(String product) {
        Response r = register("REGULAR", product, true);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("inStock").asBoolean()).isTrue();
        r = post(BASE + "/" + r.json().get("id").asLong() + "/submit", tokenFor("sales"), null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void theWarehouseKeepersSignatureOnTheIssueSlipIsTheReview() {
        String product = "现货纸箱-" + UUID.randomUUID().toString().substring(0, 6);
        JsonNode d = submitted(product);
        long id = d.get("id").asLong();
        String number = d.get("number").asString();
        assertThat(d.get("reviews").valueStream().map(x -> x.get("aspect").asString()).toList())
                .containsExactly("STOCK_ISSUE");
        // the countersign's departments are not asked (production does not even see it), only the warehouse keeper signs
        Response r = sign("ctrprod", id, "CAPACITY_DELIVERY", "ACCEPT", null);
        assertThat(r.status()).as(r.body()).isEqualTo(403);
        r = sign("sales", id, "QUANTITY_PRICE_PAYMENT", "ACCEPT", null);
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.body()).contains("\"field\":\"aspect\"");
        r = sign("sales", id, "STOCK_ISSUE", "ACCEPT", null);
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(r.body()).contains("contract.not-your-aspect");

        r = sign("ctrwarehouse", id, "STOCK_ISSUE", "ACCEPT", null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        d = get(BASE + "/" + id, tokenFor("sales")).json();
        assertThat(d.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(d.get("reviewStage").asString()).isEqualTo("DONE");
        assertThat(d.get("outcome").asString()).isEqualTo("A");
        assertThat(d.get("outcomeBy").asString()).isEqualTo("ctrwarehouse");
        // shipped from stock: nothing for production
        assertThat(get(BASE + "/" + id + "/production-notices", tokenFor("sales")).json().size()).isZero();

        PrintedPdf slip = PrintedPdf.fetch(http, port, BASE + "/" + id + "/issue-slip.pdf", tokenFor("sales"), null,
                number);
        assertThat(slip.text()).contains("出库单", number, product, "KX-300", "120", "6.50", "780.00", "ctrwarehouse");
        PrintedPdf en = PrintedPdf.fetch(http, port, BASE + "/" + id + "/issue-slip.pdf", tokenFor("sales"), "en",
                number);
        assertThat(en.text()).contains("Issue slip", "Warehouse keeper");
    }

    @Test
    void theKeeperRefusingSendsItToTheSalesManagerAndOnlyARegularContractCanBeInStock() {
        JsonNode d = submitted("缺货纸箱-" + UUID.randomUUID().toString().substring(0, 6));
        long id = d.get("id").asLong();
        Response r = sign("ctrwarehouse", id, "STOCK_ISSUE", "CANNOT_ACCEPT", null);
        assertThat(r.status()).as("a refusal needs its reason").isEqualTo(422);
        assertThat(sign("ctrwarehouse", id, "STOCK_ISSUE", "CANNOT_ACCEPT", "库存不足，仅有80只").status()).isEqualTo(200);
        d = get(BASE + "/" + id, tokenFor("sales")).json();
        assertThat(d.get("status").asString()).isEqualTo("UNDER_REVIEW");
        assertThat(d.get("reviewStage").asString()).isEqualTo("OUTCOME");
        assertThat(d.get("countersignResult").asString()).isEqualTo("REJECTED");
        assertThat(post(BASE + "/" + id + "/outcome", tokenFor("ctrsalesmgr"), j("{'outcome':'A'}")).status())
                .isEqualTo(409);

        long before = jdbc.sql("select count(*) from contract").query(Long.class).single();
        r = register("SPECIAL", "新规格纸箱", true);
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("inStock");
        assertThat(jdbc.sql("select count(*) from contract").query(Long.class).single()).isEqualTo(before);

        // a contract not in stock has no issue slip
        r = register("REGULAR", "普通纸箱", false);
        assertThat(r.json().get("inStock").asBoolean()).isFalse();
        Response slip = get(BASE + "/" + r.json().get("id").asLong() + "/issue-slip.pdf", tokenFor("sales"));
        assertThat(slip.status()).isEqualTo(409);
        assertThat(slip.body()).contains("contract.not-in-stock");
    }
}
