package com.careloop.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import com.careloop.support.ApiTestBase;
import com.careloop.support.Multipart;
import com.careloop.support.PageSession;
import com.careloop.support.PrintedPdf;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * The papers around a contract over HTTP: the order confirmation of phone and oral orders (by the customer's link —
 * once, a second answer gets the polite answered page with 409 — or by a signed scan; no review before it), and the
 * production task notice issued on acceptance, printed and acknowledged once by production.
 */
class ContractPapersApiTest extends ApiTestBase {

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

    JsonNode register(String source, String product) {
        Response r = post(BASE, tokenFor("sales"), j("{'customerId':" + customerId + ",'customerNumber':'TEL-"
                + UUID.randomUUID().toString().substring(0, 8) + "','source':'" + source + "','contractClass':'REGULAR',"
                + "'orderDate':'" + today(0) + "','deliveryDate':'" + today(20) + "','paymentTerms':'货到付款',"
                + "'specialRequirements':'外箱印客户标识','lines':[{'product':'" + product + "','spec':'500x300x200',"
                + "'quantity':1200,'unit':'只','unitPrice':3.40}]}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    JsonNode ok(String user, String method, String path, String body) {
        Response r = call(method, path, tokenFor(user), body == null ? null : j(body));
        assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
        return r.json();
    }

    Response submit(long id) {
        return post(BASE + "/" + id + "/submit", tokenFor("sales"), null);
    }

    static String path(String url) {
        return url.replaceAll("^https?://[^/]+", "");
    }

    static String code(Response r) {
        return r.json().get("code").asString();
    }

    @Test
    void aPhoneOrderWaitsForTheCustomersConfirmationByTheLinkWhichAnswersOnlyOnce() {
        String product = "电话订单纸箱" + UUID.randomUUID().toString().substring(0, 6);
        long id = register("PHONE", product).get("id").asLong();
        Response r = submit(id);
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(code(r)).isEqualTo("contract.unconfirmed-order");

        r = put(BASE + "/" + id + "/order-confirmation", tokenFor("sales"), j("{'agreedWith':'采购部王经理',"
                + "'agreedOn':'" + today(1) + "','summary':'电话确认数量和交期'}"));
        assertThat(r.status()).as("agreed tomorrow").isEqualTo(422);
        assertThat(r.body()).contains("agreedOn");
        JsonNode o = ok("sales", "PUT", BASE + "/" + id + "/order-confirmation", "{'agreedWith':'采购部王经理',"
                + "'agreedOn':'" + today(0) + "','summary':'电话确认数量1200只、交期20天','email':'wang@example.com',"
                + "'language':'zh-TW'}");
        assertThat(o.get("number").asString()).matches("DDQR\\d{4}-\\d{6}");
        assertThat(o.get("status").asString()).isEqualTo("PENDING");
        String url = o.get("url").asString();
        assertThat(url).contains("/public/order-confirmations/");

        PageSession customer = new PageSession(port);
        PageSession.Page page = customer.get(path(url));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(product, "500x300x200", "1200", "4080.00", "货到付款",
                "id=\"confirmation-form\"");
        page = customer.post(path(url), "answer", "change", "note", "");
        assertThat(page.status()).as("a change without a note").isEqualTo(422);
        page = customer.post(path(url), "answer", "confirm", "note", "数量无误");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("order-confirmation-thanks");
        page = customer.post(path(url), "answer", "change", "note", "再改一次");
        assertThat(page.status()).as("a second answer").isEqualTo(409);
        assertThat(page.body()).contains("order-confirmation-answered");
        assertThat(customer.get(path(url)).body()).contains("order-confirmation-answered");

        o = get(BASE + "/" + id + "/order-confirmation", tokenFor("sales")).json();
        assertThat(o.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(o.get("method").asString()).isEqualTo("LINK");
        assertThat(o.get("customerNote").asString()).isEqualTo("数量无误");
        assertThat(submit(id).status()).isEqualTo(200);

        PrintedPdf pdf = PrintedPdf.fetch(http, port, BASE + "/" + id + "/order-confirmation.pdf", tokenFor("sales"),
                null, o.get("number").asString());
        assertThat(pdf.text()).contains("订单确认表", o.get("number").asString(), product, "采购部王经理", "客户已确认");
    }

    @Test
    void anOralOrderAskedToChangeIsPreparedAgainAndConfirmedByTheSignedScan() {
        long id = register("ORAL", "口头订单纸箱").get("id").asLong();
        String url = ok("sales", "PUT", BASE + "/" + id + "/order-confirmation", "{'agreedWith':'李总',"
                + "'agreedOn':'" + today(0) + "'}").get("url").asString();
        PageSession customer = new PageSession(port);
        customer.get(path(url));
        assertThat(customer.post(path(url), "answer", "change", "note", "交期提前到15天").status()).isEqualTo(200);
        JsonNode o = get(BASE + "/" + id + "/order-confirmation", tokenFor("sales")).json();
        assertThat(o.get("status").asString()).isEqualTo("CHANGE_REQUESTED");
        assertThat(o.get("customerNote").asString()).isEqualTo("交期提前到15天");
        assertThat(jdbc.sql("select count(*) from notification where recipient_id = (select id from app_user where"
                + " username = 'sales') and link = :l").param("l", "/contracts/" + id).query(Long.class).single())
                .as("the salesperson is told").isPositive();
        assertThat(code(submit(id))).isEqualTo("contract.unconfirmed-order");
        byte[] scan = "%PDF-1.4\n%signed order\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        Response r = document(id, "SIGNED_SCAN", scan);
        assertThat(r.status()).as("a change was asked: prepare again first").isEqualTo(409);
        assertThat(code(r)).isEqualTo("contract.order-change-requested");

        o = ok("sales", "PUT", BASE + "/" + id + "/order-confirmation", "{'agreedWith':'李总','agreedOn':'" + today(0)
                + "','summary':'交期改为15天'}");
        assertThat(o.get("status").asString()).isEqualTo("PENDING");
        assertThat(o.get("url").asString()).isNotEqualTo(url);
        r = document(id, "SIGNED_SCAN", scan);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(r.json().get("method").asString()).isEqualTo("SIGNED_SCAN");
        long fileId = r.json().get("fileId").asLong();
        assertThat(get(BASE + "/" + id + "/files/" + fileId, tokenFor("sales")).status()).isEqualTo(200);
        r = put(BASE + "/" + id + "/order-confirmation", tokenFor("sales"), j("{'agreedWith':'李总','agreedOn':'"
                + today(0) + "'}"));
        assertThat(code(r)).isEqualTo("contract.order-confirmed");
        assertThat(submit(id).status()).isEqualTo(200);

        long written = register("WRITTEN", "书面合同纸箱").get("id").asLong();
        r = put(BASE + "/" + written + "/order-confirmation", tokenFor("sales"), j("{'agreedWith':'x','agreedOn':'"
                + today(0) + "'}"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(code(r)).isEqualTo("contract.confirmation-not-needed");
    }

    Response document(long id, String method, byte[] bytes) {
        var form = new Multipart().field("method", method).file("file", "signed.pdf", "application/pdf", bytes);
        try {
            var r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + BASE + "/" + id
                            + "/order-confirmation/document")).header("Authorization", "Bearer " + tokenFor("sales"))
                    .header("Content-Type", form.contentType()).header("Accept", "application/json")
                    .POST(form.publisher()).build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r.headers().map(), json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anAcceptedContractIssuesAProductionNoticeThatProductionAcknowledgesOnce() {
        String product = "通知单纸箱" + UUID.randomUUID().toString().substring(0, 6);
        JsonNode d = register("WRITTEN", product);
        long id = d.get("id").asLong();
        assertThat(get(BASE + "/" + id + "/production-notices", tokenFor("sales")).json().size()).isZero();
        assertThat(submit(id).status()).isEqualTo(200);
        assertThat(post("/api/v1/contract-reviews/" + id + "/signatures", tokenFor("sales"),
                j("{'aspect':'QUANTITY_PRICE_PAYMENT','verdict':'ACCEPT'}")).status()).isEqualTo(200);
        assertThat(post("/api/v1/contract-reviews/" + id + "/signatures", tokenFor("ctrprod"),
                j("{'aspect':'CAPACITY_DELIVERY','verdict':'ACCEPT'}")).status()).isEqualTo(200);
        assertThat(post("/api/v1/contract-reviews/" + id + "/signatures", tokenFor("ctrvp"),
                j("{'aspect':'VICE_GM_SIGNOFF','verdict':'ACCEPT'}")).status()).isEqualTo(200);
        ok("ctrsalesmgr", "POST", BASE + "/" + id + "/outcome", "{'outcome':'A'}");

        JsonNode notices = get(BASE + "/" + id + "/production-notices", tokenFor("sales")).json();
        assertThat(notices.size()).isEqualTo(1);
        JsonNode n = notices.get(0);
        String number = n.get("number").asString();
        assertThat(number).matches("SCTZ\\d{4}-\\d{6}");
        assertThat(n.get("contractNumber").asString()).isEqualTo(d.get("number").asString());
        assertThat(n.get("deliveryDate").asString()).isEqualTo(today(20));
        assertThat(n.get("lines").get(0).get("product").asString()).isEqualTo(product);
        assertThat(n.get("lines").get(0).get("quantity").decimalValue()).isEqualByComparingTo("1200");
        assertThat(n.get("specialRequirements").asString()).isEqualTo("外箱印客户标识");
        assertThat(n.get("acknowledgeable").asBoolean()).as("sales is not production").isFalse();
        assertThat(jdbc.sql("select count(*) from notification where recipient_id = (select id from app_user where"
                + " username = 'ctrprod') and link = :l").param("l", "/contracts/" + id).query(Long.class).single())
                .as("production is told").isPositive();

        long noticeId = n.get("id").asLong();
        String ack = BASE + "/" + id + "/production-notices/" + noticeId + "/acknowledge";
        Response r = post(ack, tokenFor("sales"), null);
        assertThat(r.status()).isEqualTo(409);
        assertThat(code(r)).isEqualTo("contract.notice-not-production");
        n = ok("ctrprod", "POST", ack, null);
        assertThat(n.get("acknowledgedBy").asString()).isEqualTo("ctrprod");
        assertThat(n.get("acknowledgedAt").isNull()).isFalse();
        r = post(ack, tokenFor("ctrprod"), null);
        assertThat(r.status()).isEqualTo(409);
        assertThat(code(r)).isEqualTo("contract.notice-acknowledged");

        PrintedPdf pdf = PrintedPdf.fetch(http, port, BASE + "/" + id + "/production-notices/" + noticeId + ".pdf",
                tokenFor("sales"), null, number);
        assertThat(pdf.text()).contains("生产任务通知单", number, d.get("number").asString(), product, "1200",
                "外箱印客户标识", "ctrprod");
    }

    @Test
    void theInconsistencyFormAndTheFilteredRegisterPrint() {
        JsonNode d = register("WRITTEN", "不一致纸箱");
        long id = d.get("id").asLong();
        assertThat(submit(id).status()).isEqualTo(200);
        Response r = post("/api/v1/contract-reviews/" + id + "/inconsistencies", tokenFor("ctrprod"),
                j("{'aspect':'CAPACITY_DELIVERY','description':'二十天交期与排产冲突','proposal':'建议交期延后五天'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String number = d.get("number").asString();
        PrintedPdf pdf = PrintedPdf.fetch(http, port, BASE + "/" + id + "/inconsistency-form.pdf", tokenFor("sales"),
                null, number);
        assertThat(pdf.text()).contains("合同不一致问题处理单", number, "二十天交期与排产冲突", "建议交期延后五天",
                "ctrprod", "尚未处理");

        String customerNumber = d.get("customerNumber").asString();
        pdf = PrintedPdf.fetch(http, port, BASE + "/register.pdf?q=" + customerNumber, tokenFor("sales"), null, "contract-register");
        assertThat(pdf.text()).contains("合同登记表", "R-QP-005-05", number, customerNumber, "4080.00");
    }

    @Test
    void theComplaintPageLinksItsOrderNumberToTheContractRegisterForReadersOfContracts() {
        JsonNode d = register("WRITTEN", "投诉关联纸箱");
        String customerNumber = d.get("customerNumber").asString();
        Response r = post("/api/v1/complaints", tokenFor("complaints"), j("{'customerId':" + customerId
                + ",'channel':'PHONE','orderNumber':'" + customerNumber + "','product':'投诉关联纸箱',"
                + "'content':'纸箱压溃'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long complaint = r.json().get("id").asLong();
        PageSession gm = new PageSession(port);
        gm.login("gm", DEMO_PASSWORD);
        PageSession.Page page = gm.get("/complaints/" + complaint);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"complaint-contract-link\"", "/contracts/" + d.get("id").asLong(),
                d.get("number").asString());
        PageSession specialist = new PageSession(port);
        specialist.login("complaints", DEMO_PASSWORD);
        assertThat(specialist.get("/complaints/" + complaint).body()).as("no contract:view, no link")
                .doesNotContain("complaint-contract-link");
    }
}
