package com.careloop.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * 002-A16 over HTTP: production reports that the company cannot meet an accepted contract's production task notice,
 * sales records the agreement with the customer, a new revision of the notice is issued with the agreed date and
 * quantity, and production's receiver signs it; bad input 422 naming the field, wrong people, repeats and stale
 * versions 409, all audited.
 */
class ContractShortfallApiTest extends ApiTestBase {

    static final String BASE = "/api/v1/contracts";

    @Autowired
    JdbcClient jdbc;

    long customerId;

    @BeforeEach
    void people() {
        user("ctrprod", "PROD", "STAFF", "STAFF");
        user("ctrsalesmgr", "SALES", "DEPT_HEAD", "DEPT_HEAD");
        user("ctrvp", "GM", "SALES_VP", "STAFF");
        customerId = jdbc.sql("select id from customer where active = true order by id limit 1").query(Long.class).single();
    }

    void user(String username, String department, String position, String role) {
        if (jdbc.sql("select count(*) from app_user where username = :u").param("u", username).query(Long.class)
                .single() > 0) {
            return;
        }
        long dept = jdbc.sql("select id from department where code = :c").param("c", department).query(Long.class)
                .single();
        Response r = post("/api/v1/users", tokenFor("admin"), j("{'username':'" + username + "','displayName':'"
                + username + "','password':'" + DEMO_PASSWORD + "','position':'" + position + "','roles':['" + role
                + "'],'departmentId':" + dept + "}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    static String today(int plusDays) {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(plusDays).toString();
    }

    JsonNode ok(String user, String path, String body) {
        Response r = post(path, tokenFor(user), body == null ? null : j(body));
        assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
        return r.json();
    }

    Response refused(int status, String code, String user, String path, String body) {
        Response r = post(path, tokenFor(user), j(body));
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        if (code != null) {
            assertThat(r.json().get("code").asString()).as(r.body()).isEqualTo(code);
        }
        return r;
    }

    /** A regular contract registered, countersigned, accepted: its first production task notice. */
    long[] acceptedContractWithNotice(String product) {
        Response r = post(BASE, tokenFor("sales"), j("{'customerId':" + customerId + ",'customerNumber':'SF-"
                + UUID.randomUUID().toString().substring(0, 8) + "','source':'WRITTEN','contractClass':'REGULAR',"
                + "'orderDate':'" + today(0) + "','deliveryDate':'" + today(20) + "','paymentTerms':'货到付款',"
                + "'lines':[{'product':'" + product + "','spec':'500x300x200','quantity':1200,'unit':'只','unitPrice':3.40}]}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        assertThat(post(BASE + "/" + id + "/submit", tokenFor("sales"), null).status()).isEqualTo(200);
        ok("sales", "/api/v1/contract-reviews/" + id + "/signatures", "{'aspect':'QUANTITY_PRICE_PAYMENT','verdict':'ACCEPT'}");
        ok("ctrprod", "/api/v1/contract-reviews/" + id + "/signatures", "{'aspect':'CAPACITY_DELIVERY','verdict':'ACCEPT'}");
        ok("ctrvp", "/api/v1/contract-reviews/" + id + "/signatures", "{'aspect':'VICE_GM_SIGNOFF','verdict':'ACCEPT'}");
        ok("ctrsalesmgr", BASE + "/" + id + "/outcome", "{'outcome':'A'}");
        JsonNode notices = get(BASE + "/" + id + "/production-notices", tokenFor("sales")).json();
        assertThat(notices.size()).isEqualTo(1);
        return new long[] {id, notices.get(0).get("id").asLong()};
    }

    @Test
    void productionCannotDeliverSalesAgreesWithTheCustomerAndARevisedNoticeIsSignedByProduction() {
        String product = "缺产纸箱" + UUID.randomUUID().toString().substring(0, 6);
        long[] ids = acceptedContractWithNotice(product);
        long id = ids[0];
        long noticeId = ids[1];
        String notice = BASE + "/" + id + "/production-notices/" + noticeId;
        String shortfall = notice + "/shortfall";
        String agreement = shortfall + "/agreement";

        // only production reports; bad input names the field; nothing is saved
        refused(409, "contract.notice-not-production", "sales", shortfall, "{'reason':'设备检修','proposedDate':'" + today(30) + "'}");
        refused(422, null, "ctrprod", shortfall, "{'proposedDate':'" + today(30) + "'}");
        Response r = refused(422, null, "ctrprod", shortfall, "{'reason':'设备检修'}");
        assertThat(r.body()).contains("proposedDate");
        r = refused(422, null, "ctrprod", shortfall, "{'reason':'设备检修','proposedQuantity':-5}");
        assertThat(r.body()).contains("proposedQuantity");
        refused(409, null, "ctrprod", shortfall, "{'reason':'设备检修','proposedDate':'" + today(30) + "','version':99}");
        // agreement before any report: 409
        refused(409, "contract.notice-no-shortfall", "sales", agreement, "{'method':'PHONE','agreedOn':'" + today(0)
                + "','withWhom':'李经理','agreed':'延期','deliveryDate':'" + today(30) + "'}");

        JsonNode n = ok("ctrprod", shortfall, "{'reason':'纸板供应不足，设备检修','proposedDate':'" + today(30)
                + "','proposedQuantity':1000,'version':0}");
        assertThat(n.get("shortfall").get("reason").asString()).isEqualTo("纸板供应不足，设备检修");
        assertThat(n.get("shortfall").get("proposedDate").asString()).isEqualTo(today(30));
        assertThat(n.get("shortfall").get("reportedBy").asString()).isEqualTo("ctrprod");
        long reportedVersion = n.get("version").asLong();
        refused(409, "contract.notice-shortfall-open", "ctrprod", shortfall, "{'reason':'again','proposedDate':'" + today(31) + "'}");
        assertThat(jdbc.sql("select count(*) from notification where recipient_id = (select id from app_user where"
                + " username = 'sales') and link = :l and title like :t").param("l", "/contracts/" + id)
                .param("t", "%" + n.get("number").asString() + "%").query(Long.class).single())
                .as("sales is told").isPositive();

        // sales records the agreement: bad input 422, a production member without contract:register refused
        r = refused(422, null, "sales", agreement, "{'method':'PHONE','agreedOn':'" + today(0)
                + "','withWhom':'李经理','agreed':'同意延期'}");
        assertThat(r.body()).contains("deliveryDate");
        r = refused(422, null, "sales", agreement, "{'method':'PHONE','agreedOn':'" + today(1)
                + "','withWhom':'李经理','agreed':'同意延期','deliveryDate':'" + today(30) + "'}");
        assertThat(r.body()).contains("agreedOn");
        refused(409, null, "sales", agreement, "{'method':'PHONE','agreedOn':'" + today(0) + "','withWhom':'李经理',"
                + "'agreed':'同意延期','deliveryDate':'" + today(30) + "','version':" + (reportedVersion + 5) + "}");
        JsonNode revised = ok("sales", agreement, "{'method':'PHONE','agreedOn':'" + today(0) + "','withWhom':'李经理',"
                + "'agreed':'客户同意延期10天、先交1000只','deliveryDate':'" + today(30) + "','quantity':1000,'version':"
                + reportedVersion + "}");
        assertThat(revised.get("id").asLong()).isNotEqualTo(noticeId);
        assertThat(revised.get("number").asString()).matches("SCTZ\\d{4}-\\d{6}");
        assertThat(revised.get("revisionOf").asLong()).isEqualTo(noticeId);
        assertThat(revised.get("revisionOfNumber").asString()).isEqualTo(n.get("number").asString());
        assertThat(revised.get("deliveryDate").asString()).isEqualTo(today(30));
        assertThat(revised.get("lines").get(0).get("quantity").decimalValue()).isEqualByComparingTo("1000");
        assertThat(revised.get("lines").get(0).get("amount").decimalValue()).isEqualByComparingTo("3400.00");

        JsonNode notices = get(BASE + "/" + id + "/production-notices", tokenFor("sales")).json();
        assertThat(notices.size()).isEqualTo(2);
        JsonNode old = notices.get(1);
        assertThat(old.get("revisedBy").asLong()).isEqualTo(revised.get("id").asLong());
        assertThat(old.get("shortfall").get("agreedMethod").asString()).isEqualTo("PHONE");
        assertThat(old.get("shortfall").get("agreedWith").asString()).isEqualTo("李经理");
        assertThat(old.get("shortfall").get("agreed").asString()).isEqualTo("客户同意延期10天、先交1000只");
        // the replaced notice takes no further report nor agreement
        refused(409, "contract.notice-revised", "ctrprod", shortfall, "{'reason':'x','proposedDate':'" + today(40) + "'}");
        refused(409, "contract.notice-revised", "sales", agreement, "{'method':'PHONE','agreedOn':'" + today(0)
                + "','withWhom':'李经理','agreed':'x','deliveryDate':'" + today(40) + "'}");

        // production is told and its receiver signs the new revision
        assertThat(jdbc.sql("select count(*) from notification where recipient_id = (select id from app_user where"
                + " username = 'ctrprod') and title like :t").param("t", "%" + revised.get("number").asString() + "%")
                .query(Long.class).single()).as("production is told of the revision").isPositive();
        JsonNode signed = ok("ctrprod", BASE + "/" + id + "/production-notices/" + revised.get("id").asLong()
                + "/acknowledge", null);
        assertThat(signed.get("acknowledgedBy").asString()).isEqualTo("ctrprod");

        assertThat(jdbc.sql("select action from audit_event where record_type = 'contract-production-notice' and record_id = :i"
                + " order by id").param("i", String.valueOf(noticeId)).query(String.class).list())
                .contains("REPORT_SHORTFALL", "AGREE_REVISION");
    }

    /** The same steps on the contract page: production's button, sales' agreement form, the revision shown. */
    @Test
    void theContractPageOffersProductionsReportAndSalesAgreement() {
        long[] ids = acceptedContractWithNotice("页面缺产纸箱" + UUID.randomUUID().toString().substring(0, 6));
        long id = ids[0];
        String notice = "/contracts/" + id + "/production-notices/" + ids[1];
        com.careloop.support.PageSession prod = new com.careloop.support.PageSession(port);
        prod.login("ctrprod", DEMO_PASSWORD);
        assertThat(prod.get("/contracts/" + id).body()).contains("do-report-shortfall", "报告无法满足");
        prod.post(notice + "/shortfall", "reason", "", "proposedDate", today(30));
        assertThat(prod.get("/contracts/" + id).body()).as("the refusal names the field").contains("reason");
        prod.post(notice + "/shortfall", "reason", "模具损坏", "proposedDate", today(30), "proposedQuantity", "");
        com.careloop.support.PageSession sales = new com.careloop.support.PageSession(port);
        sales.login("sales", DEMO_PASSWORD);
        assertThat(sales.get("/contracts/" + id).body()).contains("notice-shortfall", "模具损坏", "do-agree-shortfall");
        sales.post(notice + "/shortfall/agreement", "method", "VISIT", "agreedOn", today(0), "withWhom", "客户张总",
                "agreed", "交期顺延十天", "deliveryDate", today(30), "quantity", "");
        assertThat(sales.get("/contracts/" + id).body()).contains("notice-revision-of", "notice-revised-by", "交期顺延十天");
        assertThat(get(BASE + "/" + id + "/production-notices", tokenFor("sales")).json().size()).isEqualTo(2);
    }
}
