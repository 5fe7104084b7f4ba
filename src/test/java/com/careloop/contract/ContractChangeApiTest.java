package com.careloop.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.careloop.support.ApiTestBase;
import com.careloop.support.PrintedPdf;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Contract changes over HTTP (H2 and PostgreSQL): a change agreed with the customer is re-reviewed only by the
 * departments whose aspects it touches; accepted it makes v2 current (every revision kept, a field-level diff), the
 * change notice prints and each notified department acknowledges it once; a rejected change keeps v1; a termination
 * ends the contract; bad input is refused naming the field and nothing is saved.
 */
class ContractChangeApiTest extends ApiTestBase {

    static final String BASE = "/api/v1/contracts";
    static final String REVIEWS = "/api/v1/contract-reviews";

    @Autowired
    JdbcClient jdbc;

    long customerId;

    @BeforeEach
    void reviewers() {
        user("ctrprod", "PROD", "STAFF", "STAFF");
        user("ctrtech", "TECH", "STAFF", "STAFF");
        user("ctrfin", "FIN", "STAFF", "STAFF");
        user("ctrsalesmgr", "SALES", "DEPT_HEAD", "DEPT_HEAD");
        user("ctrvp", "GM", "SALES_VP", "STAFF");
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

    JsonNode accepted(String product) {
        return accepted(product, 1200);
    }

    /**
     * A regular contract (boxes at 3.40, delivery in 20 days) accepted: sales and production signed, then the sales
     * vice general manager, outcome A, and
     * the general manager's approval when it is major.
     */
    JsonNode accepted(String product, int quantity) {
        Response r = post(BASE, tokenFor("sales"), j("{'customerId':" + customerId + ",'customerNumber':'BG-"
                + UUID.randomUUID().toString().substring(0, 8) + "','source':'WRITTEN','contractClass':'REGULAR',"
                + "'orderDate':'" + today(0) + "','deliveryDate':'" + today(20) + "','paymentTerms':'月结30天',"
                + "'lines':[{'product':'" + product + "','spec':'500x300x200','quantity':" + quantity + ",'unit':'只',"
                + "'unitPrice':3.40}]}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        ok("sales", BASE + "/" + id + "/submit", null);
        ok("sales", REVIEWS + "/" + id + "/signatures", "{'aspect':'QUANTITY_PRICE_PAYMENT','verdict':'ACCEPT'}");
        ok("ctrprod", REVIEWS + "/" + id + "/signatures", "{'aspect':'CAPACITY_DELIVERY','verdict':'ACCEPT'}");
        ok("ctrvp", REVIEWS + "/" + id + "/signatures", "{'aspect':'VICE_GM_SIGNOFF','verdict':'ACCEPT'}");
        JsonNode d = ok("ctrsalesmgr", BASE + "/" + id + "/outcome", "{'outcome':'A'}");
        if (d.get("major").asBoolean()) {
            d = ok("gm", BASE + "/" + id + "/gm-decision", "{'approve':true}");
        }
        assertThat(d.get("status").asString()).isEqualTo("ACCEPTED");
        return d;
    }

    JsonNode ok(String user, String path, String body) {
        Response r = post(path, tokenFor(user), body == null ? null : j(body));
        assertThat(r.status()).as(path + ": " + r.body()).isIn(200, 201);
        return r.json();
    }

    static String agreed() {
        return "'agreedMethod':'PHONE','agreedOn':'" + today(0) + "','agreedWith':'采购部王经理','agreed':'客户来电确认'";
    }

    Response change(long id, String body) {
        return post(BASE + "/" + id + "/changes", tokenFor("sales"), j(body));
    }

    Response sign(String user, long id, long change, String aspect, String verdict, String comment) {
        return post(BASE + "/" + id + "/changes/" + change + "/signatures", tokenFor(user), j("{'aspect':'" + aspect
                + "','verdict':'" + verdict + "'" + (comment == null ? "" : ",'comment':'" + comment + "'") + "}"));
    }

    static List<String> aspects(JsonNode change) {
        return change.get("reviews").valueStream().map(r -> r.get("aspect").asString()).sorted().toList();
    }

    static String code(Response r) {
        return r.json().get("code").asString();
    }

    @Test
    void aQuantityAndDateChangeIsReReviewedOnlyByTheTouchedDepartmentsAndMakesV2CurrentWithItsNotice() {
        String product = "变更纸箱" + UUID.randomUUID().toString().substring(0, 6);
        JsonNode d = accepted(product);
        long id = d.get("id").asLong();
        Response r = change(id, "{'kinds':['QUANTITY','DELIVERY_DATE']," + agreed() + ",'deliveryDate':'" + today(30)
                + "','lines':[{'product':'" + product + "','spec':'500x300x200','quantity':1500,'unit':'只',"
                + "'unitPrice':3.40}],'version':" + d.get("version").asLong() + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode ch = r.json();
        long change = ch.get("id").asLong();
        assertThat(ch.get("number").asString()).matches("BGSQ\\d{4}-\\d{6}");
        assertThat(ch.get("status").asString()).isEqualTo("UNDER_REVIEW");
        assertThat(aspects(ch)).as("quantity → sales + finance, date → production capacity; nobody else")
                .containsExactly("CAPACITY_DELIVERY", "PAYMENT_CREDIT", "QUANTITY_PRICE_PAYMENT");
        assertThat(ch.get("diff").valueStream().map(e -> e.get("field").asString()).toList())
                .contains("deliveryDate", "lines[1].quantity", "lines[1].amount", "totalAmount");
        assertThat(ch.get("diff").valueStream().map(e -> e.get("text").asString()).toList())
                .contains("第 1 行数量：1200 → 1500");

        assertThat(sign("ctrtech", id, change, "STANDARDS_PARAMETERS", "ACCEPT", null).status())
                .as("technical is not asked: it does not even see the contract").isEqualTo(403);
        r = sign("ctrfin", id, change, "STANDARDS_PARAMETERS", "ACCEPT", null);
        assertThat(r.status()).as("an aspect the change does not touch").isEqualTo(422);
        assertThat(r.body()).contains("aspect");
        r = sign("ctrfin", id, change, "CAPACITY_DELIVERY", "ACCEPT", null);
        assertThat(r.status()).isEqualTo(409);
        assertThat(code(r)).isEqualTo("contract.not-your-aspect");
        r = change(id, "{'kinds':['DELIVERY_DATE']," + agreed() + ",'deliveryDate':'" + today(40) + "'}");
        assertThat(r.status()).isEqualTo(409);
        assertThat(code(r)).isEqualTo("contract.change-open");
        assertThat(get(BASE + "/" + id + "/changes/" + change, tokenFor("ctrfin")).status())
                .as("a change reviewer reads the contract's change").isEqualTo(200);

        assertThat(sign("sales", id, change, "QUANTITY_PRICE_PAYMENT", "ACCEPT", null).status()).isEqualTo(200);
        assertThat(sign("ctrfin", id, change, "PAYMENT_CREDIT", "ACCEPT", null).status()).isEqualTo(200);
        assertThat(get(BASE + "/" + id, tokenFor("sales")).json().get("lines").get(0).get("quantity").decimalValue())
                .as("v1 until the last signature").isEqualByComparingTo("1200");
        r = sign("ctrprod", id, change, "CAPACITY_DELIVERY", "ACCEPT_WITH_CONDITIONS", "加班");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        ch = r.json();
        assertThat(ch.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(ch.get("revision").asInt()).isEqualTo(2);
        String notice = ch.get("noticeNumber").asString();
        assertThat(notice).matches("HTBG\\d{4}-\\d{6}");

        JsonNode c = get(BASE + "/" + id, tokenFor("sales")).json();
        assertThat(c.get("lines").get(0).get("quantity").decimalValue()).isEqualByComparingTo("1500");
        assertThat(c.get("totalAmount").decimalValue()).isEqualByComparingTo("5100.00");
        assertThat(c.get("deliveryDate").asString()).isEqualTo(today(30));
        JsonNode revisions = get(BASE + "/" + id + "/revisions", tokenFor("sales")).json();
        assertThat(revisions.size()).isEqualTo(2);
        assertThat(revisions.get(0).get("revision").asInt()).isEqualTo(1);
        assertThat(revisions.get(0).get("current").asBoolean()).isFalse();
        assertThat(revisions.get(0).get("totalAmount").decimalValue()).isEqualByComparingTo("4080.00");
        assertThat(revisions.get(1).get("current").asBoolean()).isTrue();
        assertThat(revisions.get(1).get("changeNumber").asString()).isEqualTo(ch.get("number").asString());
        JsonNode diff = get(BASE + "/" + id + "/revisions/diff?from=1&to=2", tokenFor("sales")).json();
        assertThat(diff.valueStream().map(e -> e.get("field").asString() + ":" + e.get("before").asString() + "→"
                + e.get("after").asString()).toList())
                .contains("lines[1].quantity:1200→1500", "totalAmount:4080.00→5100.00",
                        "deliveryDate:" + today(20) + "→" + today(30));
        Response en = call("GET", BASE + "/" + id + "/revisions/diff?from=1&to=2", tokenFor("sales"), null,
                "Accept-Language", "en");
        assertThat(en.body()).as("rendered in the reader's language").contains("Line 1 quantity: 1200 → 1500");
        assertThat(get(BASE + "/" + id + "/revisions/diff?from=1&to=3", tokenFor("sales")).status()).isEqualTo(404);

        assertThat(ch.get("notified").valueStream().map(n -> n.get("departmentName").asString()).count())
                .as("sales, finance and production").isEqualTo(3);
        String ack = BASE + "/" + id + "/changes/" + change + "/acknowledge";
        r = post(ack, tokenFor("gm"), null);
        assertThat(r.status()).isEqualTo(409);
        assertThat(code(r)).isEqualTo("contract.change-not-notified");
        assertThat(ok("ctrprod", ack, null).get("notified").valueStream()
                .filter(n -> "ctrprod".equals(n.get("acknowledgedBy").asString(null))).count()).isEqualTo(1);
        r = post(ack, tokenFor("ctrprod"), null);
        assertThat(r.status()).isEqualTo(409);
        assertThat(code(r)).isEqualTo("contract.change-acknowledged");
        assertThat(get(BASE + "/" + id + "/production-notices", tokenFor("sales")).json().size())
                .as("production gets a new notice of v2").isEqualTo(2);

        JsonNode stats = get(BASE + "/statistics", tokenFor("gm")).json();
        assertThat(stats.get("changes").asLong()).as("changes per contract count accepted changes").isPositive();
        assertThat(stats.get("contractsChanged").asLong()).isPositive();
        assertThat(stats.get("changesByKind").valueStream().map(k -> k.get("key").asString()).toList())
                .contains("QUANTITY", "DELIVERY_DATE");
        assertThat(get(BASE + "?q=" + d.get("number").asString(), tokenFor("sales")).json().get("items").get(0)
                .get("revision").asInt()).as("the register shows the revision").isEqualTo(2);

        com.careloop.support.PageSession page = new com.careloop.support.PageSession(port);
        page.login("sales", DEMO_PASSWORD);
        String html = page.get("/contracts/" + id + "?from=1&to=2").body();
        assertThat(html).contains("id=\"contract-changes\"", "id=\"revision-diff\"", "第 1 行数量：1200 → 1500",
                notice, ch.get("number").asString());
        com.careloop.support.PageSession finance = new com.careloop.support.PageSession(port);
        finance.login("ctrfin", DEMO_PASSWORD);
        assertThat(finance.get("/").body()).as("finance has a change notice to acknowledge")
                .contains("/contracts/" + id);

        PrintedPdf pdf = PrintedPdf.fetch(http, port, BASE + "/" + id + "/changes/" + change + "/notice.pdf",
                tokenFor("sales"), null, notice);
        assertThat(pdf.text()).contains("合同变更通知单", notice, d.get("number").asString(), "v1 → v2",
                "1200 → 1500", "采购部王经理", "加班", "ctrprod");
    }

    @Test
    void aRejectedChangeKeepsTheContractOnV1WithTheReason() {
        JsonNode d = accepted("拒绝变更纸箱");
        long id = d.get("id").asLong();
        Response r = change(id, "{'kinds':['PRICE']," + agreed() + ",'paymentTerms':'货到付款60天'}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long change = r.json().get("id").asLong();
        assertThat(aspects(r.json())).containsExactly("PAYMENT_CREDIT", "QUANTITY_PRICE_PAYMENT");
        r = sign("ctrfin", id, change, "PAYMENT_CREDIT", "CANNOT_ACCEPT", "客户信用不足，不能延长账期");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(r.json().get("decisionComment").asString()).isEqualTo("客户信用不足，不能延长账期");
        assertThat(r.json().get("noticeNumber").isNull()).isTrue();
        JsonNode c = get(BASE + "/" + id, tokenFor("sales")).json();
        assertThat(c.get("paymentTerms").asString()).isEqualTo("月结30天");
        JsonNode revisions = get(BASE + "/" + id + "/revisions", tokenFor("sales")).json();
        assertThat(revisions.size()).isEqualTo(1);
        assertThat(revisions.get(0).get("current").asBoolean()).isTrue();
        assertThat(get(BASE + "/" + id + "/changes/" + change + "/notice.pdf", tokenFor("sales")).status())
                .isEqualTo(404);
    }

    @Test
    void aTerminationIsSignedByTheSalesManagerProductionAndFinanceAndEndsTheContract() {
        JsonNode d = accepted("终止纸箱");
        long id = d.get("id").asLong();
        Response r = change(id, "{'kinds':['TERMINATION','QUANTITY']," + agreed() + ",'reason':'客户项目取消'}");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("kinds");
        r = change(id, "{'kinds':['TERMINATION']," + agreed() + "}");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("reason");
        r = change(id, "{'kinds':['TERMINATION']," + agreed() + ",'reason':'客户项目取消，双方同意解除'}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long change = r.json().get("id").asLong();
        assertThat(aspects(r.json())).containsExactly("CAPACITY_DELIVERY", "PAYMENT_CREDIT", "TERMINATION");
        r = sign("sales", id, change, "TERMINATION", "ACCEPT", null);
        assertThat(r.status()).as("the sales manager, not any salesperson").isEqualTo(409);
        assertThat(sign("ctrsalesmgr", id, change, "TERMINATION", "ACCEPT", null).status()).isEqualTo(200);
        assertThat(sign("ctrfin", id, change, "PAYMENT_CREDIT", "ACCEPT", null).status()).isEqualTo(200);
        r = sign("ctrprod", id, change, "CAPACITY_DELIVERY", "ACCEPT", null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("status").asString()).isEqualTo("ACCEPTED");
        JsonNode c = get(BASE + "/" + id, tokenFor("sales")).json();
        assertThat(c.get("status").asString()).isEqualTo("TERMINATED");
        assertThat(get(BASE + "?status=TERMINATED&q=" + d.get("number").asString(), tokenFor("sales")).json()
                .get("items").size()).isEqualTo(1);
        r = change(id, "{'kinds':['DELIVERY_DATE']," + agreed() + ",'deliveryDate':'" + today(40) + "'}");
        assertThat(r.status()).isEqualTo(409);
        assertThat(code(r)).isEqualTo("contract.state");
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsSaved() {
        JsonNode d = accepted("错误变更纸箱");
        long id = d.get("id").asLong();
        String line = "'product':'错误变更纸箱','spec':'500x300x200','unit':'只'";
        record Bad(String body, String field) {
        }
        for (Bad bad : List.of(
                new Bad("{" + agreed() + ",'deliveryDate':'" + today(30) + "'}", "kinds"),
                new Bad("{'kinds':['DELIVERY_DATE']," + agreed() + "}", "newValues"),
                new Bad("{'kinds':['DELIVERY_DATE']," + agreed() + ",'deliveryDate':'" + today(-1) + "'}", "deliveryDate"),
                new Bad("{'kinds':['QUANTITY']," + agreed() + ",'lines':[{" + line + ",'quantity':0,'unitPrice':3.4}]}",
                        "lines[0].quantity"),
                new Bad("{'kinds':['PRICE']," + agreed() + ",'lines':[{" + line + ",'quantity':1200,'unitPrice':3.405}]}",
                        "lines[0].unitPrice"),
                new Bad("{'kinds':['QUANTITY']," + agreed() + ",'lines':[{" + line + ",'quantity':1200,'unitPrice':3.5}]}",
                        "kinds"),
                new Bad("{'kinds':['DELIVERY_DATE'],'agreedMethod':'PHONE','agreedOn':'" + today(0) + "','deliveryDate':'"
                        + today(30) + "'}", "agreedWith"))) {
            Response r = change(id, bad.body());
            assertThat(r.status()).as(bad.body() + " → " + r.body()).isEqualTo(422);
            assertThat(r.body()).as(bad.body()).contains("\"" + bad.field() + "\"");
        }
        Response r = change(id, "{'kinds':['DELIVERY_DATE']," + agreed() + ",'deliveryDate':'" + today(30)
                + "','version':" + (d.get("version").asLong() - 1) + "}");
        assertThat(r.status()).as("stale version").isEqualTo(409);
        assertThat(get(BASE + "/" + id + "/changes", tokenFor("sales")).json().size()).as("nothing saved").isZero();

        Response u = post(BASE, tokenFor("sales"), j("{'customerId':" + customerId + ",'source':'WRITTEN',"
                + "'contractClass':'REGULAR','orderDate':'" + today(0) + "','deliveryDate':'" + today(20) + "',"
                + "'lines':[{" + line + ",'quantity':10,'unitPrice':1}]}"));
        long underReview = u.json().get("id").asLong();
        r = change(underReview, "{'kinds':['DELIVERY_DATE']," + agreed() + ",'deliveryDate':'" + today(30) + "'}");
        assertThat(r.status()).isEqualTo(409);
        assertThat(code(r)).isEqualTo("contract.state");
        assertThat(post(BASE + "/" + id + "/changes", tokenFor("frontdesk"), j("{'kinds':['DELIVERY_DATE']}")).status())
                .isEqualTo(403);
    }

    @Test
    void aChangeOfAMajorContractNeedsTheGeneralManagerWhoCannotApproveAChangeTheyRequested() {
        if (jdbc.sql("select count(*) from app_user where username = 'ctrgm2'").query(Long.class).single() == 0) {
            long dept = jdbc.sql("select id from department where code = 'SALES'").query(Long.class).single();
            Response u = post("/api/v1/users", tokenFor("admin"), j("{'username':'ctrgm2','displayName':'ctrgm2',"
                    + "'password':'" + DEMO_PASSWORD + "','position':'GENERAL_MANAGER','roles':['GENERAL_MANAGER',"
                    + "'STAFF'],'departmentId':" + dept + "}"));
            assertThat(u.status()).as(u.body()).isEqualTo(201);
        }
        String product = "重大变更纸箱" + UUID.randomUUID().toString().substring(0, 6);
        long id = accepted(product, 400000).get("id").asLong();

        Response r = post(BASE + "/" + id + "/changes", tokenFor("ctrgm2"), j("{'kinds':['PRICE']," + agreed() + ",'lines':[{"
                + "'product':'" + product + "','spec':'500x300x200','quantity':400000,'unit':'只','unitPrice':3.50}]}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode ch = r.json();
        long change = ch.get("id").asLong();
        assertThat(ch.get("major").asBoolean()).as("1,400,000 CNY is above the threshold").isTrue();
        String gmStep = BASE + "/" + id + "/changes/" + change + "/gm-decision";
        r = post(gmStep, tokenFor("gm"), j("{'approve':true}"));
        assertThat(r.status()).as("no GM step before the countersign ended").isEqualTo(409);
        assertThat(code(r)).isEqualTo("contract.change-wrong-stage");
        assertThat(sign("sales", id, change, "QUANTITY_PRICE_PAYMENT", "ACCEPT", null).status()).isEqualTo(200);
        r = sign("ctrfin", id, change, "PAYMENT_CREDIT", "ACCEPT", null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        ch = r.json();
        assertThat(ch.get("status").asString()).as("countersigned, still open").isEqualTo("UNDER_REVIEW");
        assertThat(ch.get("awaitingGm").asBoolean()).isTrue();
        assertThat(aspects(ch)).contains("MAJOR");
        assertThat(get(BASE + "/" + id, tokenFor("sales")).json().get("lines").get(0).get("unitPrice").decimalValue())
                .as("v1 until the general manager approves").isEqualByComparingTo("3.40");

        r = post(gmStep, tokenFor("ctrgm2"), j("{'approve':true}"));
        assertThat(r.status()).as("a GM approving the change they requested").isEqualTo(409);
        assertThat(code(r)).isEqualTo("contract.own-change");
        String number = ch.get("number").asString();
        long task = get("/api/v1/approvals/tasks?mine", tokenFor("ctrgm2")).json().valueStream()
                .filter(t -> number.equals(t.get("number").asString())).findFirst().orElseThrow().get("id").asLong();
        r = post("/api/v1/approvals/tasks/" + task + "/decision", tokenFor("ctrgm2"), j("{'decision':'APPROVE'}"));
        assertThat(r.status()).as("not from the approval inbox either: " + r.body()).isEqualTo(409);
        assertThat(get(BASE + "/" + id + "/changes/" + change, tokenFor("sales")).json().get("awaitingGm")
                .asBoolean()).as("nothing saved").isTrue();
        r = post(gmStep, tokenFor("ctrfin"), j("{'approve':true}"));
        assertThat(r.status()).as("only the general manager").isEqualTo(409);

        ch = ok("gm", gmStep, "{'approve':true,'comment':'同意调价'}");
        assertThat(ch.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(ch.get("gmBy").asString()).isNotBlank();
        assertThat(ch.get("noticeNumber").asString()).matches("HTBG\\d{4}-\\d{6}");
        JsonNode c = get(BASE + "/" + id, tokenFor("sales")).json();
        assertThat(get(BASE + "/" + id + "/revisions", tokenFor("sales")).json().size()).isEqualTo(2);
        assertThat(c.get("totalAmount").decimalValue()).isEqualByComparingTo("1400000.00");

        r = post(BASE + "/" + id + "/changes", tokenFor("sales"), j("{'kinds':['DELIVERY_DATE']," + agreed()
                + ",'deliveryDate':'" + today(25) + "'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        change = r.json().get("id").asLong();
        ch = sign("ctrprod", id, change, "CAPACITY_DELIVERY", "ACCEPT", null).json();
        assertThat(ch.get("awaitingGm").asBoolean()).isTrue();
        ch = ok("gm", BASE + "/" + id + "/changes/" + change + "/gm-decision", "{'approve':false,'comment':'交期不可再延'}");
        assertThat(ch.get("status").asString()).as("the GM refuses: rejected, v2 stays").isEqualTo("REJECTED");
        assertThat(ch.get("decisionComment").asString()).isEqualTo("交期不可再延");
        assertThat(get(BASE + "/" + id + "/revisions", tokenFor("sales")).json().size()).isEqualTo(2);
    }

    /**
     * The change request form on the contract page in each language: a missing field and a bad line come back as
     * messages naming the field by its label (nothing saved); the request shows its countersign, sales signs their
     * aspect there and withdraws the change.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource({
            "zh-CN, 提出合同变更, 请填写 客户联系人, 第 1 行数量, 评审中, 已撤回, 数量、价格与付款条件",
            "zh-TW, 提出合約變更, 請填寫 客戶聯絡人, 第 1 行數量, 評審中, 已撤回, 數量、價格與付款條件",
            "en, Request a contract change, Please fill in Customer contact, Line 1 Quantity, Under review, Withdrawn, "
                    + "'Quantity, price and payment terms'"})
    void salesRequestsAChangeOnTheContractPageAndSeesItsCountersign(String lang, String title, String required,
                                                                    String badLine, String underReview,
                                                                    String withdrawn, String aspect) {
        String product = "页面变更" + UUID.randomUUID().toString().substring(0, 6);
        long id = accepted(product).get("id").asLong();
        com.careloop.support.PageSession s = new com.careloop.support.PageSession(port);
        s.login("sales", DEMO_PASSWORD);
        s.get("/?lang=" + lang);
        String html = s.get("/contracts/" + id).body();
        assertThat(html).contains(title, "id=\"change-form\"", "change-kind-TERMINATION", "value=\"1200\"")
                .doesNotContain("??", "contract.change.");
        String path = "/contracts/" + id + "/changes";
        var r = s.post(path, "kind", "QUANTITY", "agreedMethod", "PHONE", "agreedOn", today(0), "agreedWith", "",
                "agreed", "客户来电", "product", product, "quantity", "1500", "unit", "只", "unitPrice", "3.40");
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.location()).contains("/contracts/" + id);
        assertThat(s.get("/contracts/" + id).body()).contains(required);
        r = s.post(path, "kind", "QUANTITY", "agreedMethod", "PHONE", "agreedOn", today(0), "agreedWith", "王经理",
                "agreed", "客户来电", "product", product, "quantity", "-5", "unit", "只", "unitPrice", "3.40");
        assertThat(s.get("/contracts/" + id).body()).contains(badLine);
        assertThat(get(BASE + "/" + id + "/changes", tokenFor("sales")).json().size()).as("nothing saved").isZero();

        r = s.post(path, "kind", "QUANTITY", "agreedMethod", "PHONE", "agreedOn", today(0), "agreedWith", "王经理",
                "agreed", "客户来电加量", "reason", "旺季备货", "deliveryDate", today(20), "paymentTerms", "月结30天",
                "product", product, "spec", "500x300x200", "quantity", "1500", "unit", "只", "unitPrice", "3.40",
                "product", "", "spec", "", "quantity", "", "unit", "", "unitPrice", "", "version",
                String.valueOf(get(BASE + "/" + id, tokenFor("sales")).json().get("version").asLong()));
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.location()).contains("#change-");
        JsonNode ch = get(BASE + "/" + id + "/changes", tokenFor("sales")).json().get(0);
        assertThat(ch.get("kinds").get(0).asString()).isEqualTo("QUANTITY");
        assertThat(ch.get("lines").get(0).get("quantity").decimalValue()).isEqualByComparingTo("1500");
        assertThat(aspects(ch)).containsExactly("PAYMENT_CREDIT", "QUANTITY_PRICE_PAYMENT");
        html = s.get("/contracts/" + id).body();
        assertThat(html).contains(ch.get("number").asString(), underReview, aspect, "do-withdraw-change",
                "change-sign-form").doesNotContain("id=\"change-form\"");

        long change = ch.get("id").asLong();
        s.post("/contracts/" + id + "/changes/" + change + "/sign", "aspect", "QUANTITY_PRICE_PAYMENT", "verdict",
                "ACCEPT", "comment", "");
        ch = get(BASE + "/" + id + "/changes/" + change, tokenFor("sales")).json();
        assertThat(ch.get("reviews").valueStream().filter(x -> "QUANTITY_PRICE_PAYMENT".equals(x.get("aspect")
                .asString())).findFirst().orElseThrow().get("signedBy").asString()).isNotBlank();
        s.post("/contracts/" + id + "/changes/" + change + "/withdraw");
        assertThat(get(BASE + "/" + id + "/changes/" + change, tokenFor("sales")).json().get("status").asString())
                .isEqualTo("WITHDRAWN");
        assertThat(s.get("/contracts/" + id).body()).contains(withdrawn, "id=\"change-form\"")
                .doesNotContain("do-withdraw-change");
    }

    /**
     * The change notice goes to the customer through a personal link once the change is accepted; the customer
     * confirms it without login (a comment needs text; once only; a replaced link no longer answers) and the answer
     * with its time is on the contract page and the notice printout.
     */
    @Test
    void theCustomerConfirmsTheChangeNoticeThroughTheirLink() {
        String product = "客户确认" + UUID.randomUUID().toString().substring(0, 6);
        JsonNode d = accepted(product);
        long id = d.get("id").asLong();
        Response r = change(id, "{'kinds':['DELIVERY_DATE']," + agreed() + ",'deliveryDate':'" + today(35) + "'}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long change = r.json().get("id").asLong();
        String link = BASE + "/" + id + "/changes/" + change + "/customer-link";
        r = post(link, tokenFor("sales"), j("{}"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(code(r)).isEqualTo("contract.change-no-notice");
        assertThat(sign("ctrprod", id, change, "CAPACITY_DELIVERY", "ACCEPT", null).status()).isEqualTo(200);

        r = post(link, tokenFor("sales"), j("{'email':'not-an-address'}"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("email");
        String first = post(link, tokenFor("sales"), j("{'language':'zh-CN'}")).json().get("url").asString();
        r = post(link, tokenFor("sales"), j("{'language':'zh-CN'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String url = r.json().get("url").asString();
        assertThat(url).contains("/public/change-notices/").isNotEqualTo(first);
        String path = url.substring(url.indexOf("/public/"));
        String oldPath = first.substring(first.indexOf("/public/"));

        com.careloop.support.PageSession customer = new com.careloop.support.PageSession(port);
        var page = customer.get(path);
        assertThat(page.status()).isEqualTo(200);
        String notice = get(BASE + "/" + id + "/changes/" + change, tokenFor("sales")).json().get("noticeNumber").asString();
        assertThat(page.body()).contains(notice, product, "交货日期", "确认变更", "id=\"change-notice-form\"");
        var empty = customer.post(path, "answer", "comment", "note", " ");
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.body()).contains("请填写意见");
        customer.get(oldPath);
        assertThat(customer.post(oldPath, "answer", "confirm").status()).as("the replaced link").isEqualTo(409);
        customer.get(path);
        var thanks = customer.post(path, "answer", "confirm", "note", "同意延期");
        assertThat(thanks.status()).isEqualTo(200);
        assertThat(thanks.body()).contains("id=\"change-notice-thanks\"");
        assertThat(customer.post(path, "answer", "comment", "note", "再改").status()).isEqualTo(409);
        assertThat(jdbc.sql("select answer from contract_change_customer where change_id = :c").param("c", change)
                .query(String.class).single()).isEqualTo("CONFIRMED");

        com.careloop.support.PageSession sales = new com.careloop.support.PageSession(port);
        sales.login("sales", DEMO_PASSWORD);
        assertThat(sales.get("/contracts/" + id).body()).contains("客户已确认", "同意延期");
        assertThat(sales.get("/contracts/" + id + "/changes/" + change + "/notice").body())
                .contains("id=\"notice-customer\"", "客户已确认", "同意延期");
        r = post(link, tokenFor("sales"), j("{}"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(code(r)).isEqualTo("contract.change-customer-answered");
    }

    @Test
    void theDemoContractInProductionIsAtV2WithItsChangeNotice() {
        long id = jdbc.sql("select id from contract where customer_number = 'HS-CG-2026-0388'").query(Long.class)
                .single();
        JsonNode revisions = get(BASE + "/" + id + "/revisions", tokenFor("sales")).json();
        assertThat(revisions.size()).isEqualTo(2);
        assertThat(revisions.get(1).get("current").asBoolean()).isTrue();
        JsonNode ch = get(BASE + "/" + id + "/changes", tokenFor("sales")).json().get(0);
        assertThat(ch.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(ch.get("noticeNumber").asString()).matches("HTBG\\d{4}-\\d{6}");
        assertThat(get(BASE + "/" + id, tokenFor("sales")).json().get("lines").get(0).get("quantity").decimalValue())
                .isEqualByComparingTo("32000");
    }
}
