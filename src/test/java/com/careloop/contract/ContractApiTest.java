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
 * Contract review over HTTP: a special major contract through countersign, an inconsistency resolved and re-signed,
 * outcome A and the general manager; a regular contract through the register statuses; bad input (422 naming the
 * field, nothing saved); refusals (409) for another's aspect, signing twice, accepting with an open inconsistency and
 * the GM approving their own contract; 403 without permission.
 */
class ContractApiTest extends ApiTestBase {

    static final String BASE = "/api/v1/contracts";
    static final String REVIEWS = "/api/v1/contract-reviews";

    @Autowired
    JdbcClient jdbc;

    long customerId;

    /** Reviewers in the departments of the matrix (the demo company has nobody there), and a sales manager. */
    @BeforeEach
    void reviewers() {
        user("ctrprod", "PROD", "STAFF", "STAFF");
        user("ctrtech", "TECH", "STAFF", "STAFF");
        user("ctrpurch", "PURCH", "STAFF", "STAFF");
        user("ctrfin", "FIN", "STAFF", "STAFF");
        user("ctrsalesmgr", "SALES", "DEPT_HEAD", "DEPT_HEAD");
        // the seeds' people of the default matrix (V163): 总工程师 and 销售副总经理 are positions
        user("ctrchief", "TECH", "CHIEF_ENGINEER", "STAFF");
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

    long userId(String username) {
        return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
    }

    static String today(int plusDays) {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(plusDays).toString();
    }

    String body(String cls, String customerNumber, String lines, String extra) {
        return j("{'customerId':" + customerId + ",'customerNumber':'" + customerNumber + "','source':'WRITTEN',"
                + "'contractClass':'" + cls + "','orderDate':'" + today(0) + "','deliveryDate':'" + today(30) + "',"
                + "'paymentTerms':'月结30天','specialRequirements':'印刷客户商标，执行GB6543-2008','region':'华东',"
                + "'lines':[" + lines + "]" + extra + "}");
    }

    JsonNode register(String user, String cls, String lines, String extra) {
        Response r = post(BASE, tokenFor(user), body(cls, "KH-" + UUID.randomUUID().toString().substring(0, 8), lines, extra));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    JsonNode ok(String user, String path, String body) {
        Response r = post(path, tokenFor(user), body == null ? null : j(body));
        assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
        return r.json();
    }

    Response sign(String user, long id, String aspect, String verdict, String comment) {
        return post(REVIEWS + "/" + id + "/signatures", tokenFor(user), j("{'aspect':'" + aspect + "','verdict':'"
                + verdict + "'" + (comment == null ? "" : ",'comment':'" + comment + "'") + "}"));
    }

    static JsonNode review(JsonNode d, String aspect) {
        return d.get("reviews").valueStream().filter(r -> r.get("aspect").asString().equals(aspect)).findFirst()
                .orElseThrow();
    }

    @Test
    void aSpecialMajorContractIsCountersignedResolvedAcceptedByTheSalesManagerAndApprovedByTheGeneralManager() {
        String product = "五层瓦楞纸箱" + UUID.randomUUID().toString().substring(0, 6);
        JsonNode d = register("sales", "SPECIAL", "{'product':'" + product + "','spec':'600x400x300 BC楞',"
                + "'quantity':100000,'unit':'只','unitPrice':12.50},{'product':'隔板','quantity':2.5,'unit':'吨',"
                + "'unitPrice':3.33,'remark':'试制'}", "");
        long id = d.get("id").asLong();
        assertThat(d.get("number").asString()).matches("HTDJ\\d{4}-\\d{6}");
        assertThat(d.get("status").asString()).isEqualTo("UNDER_REVIEW");
        assertThat(d.get("reviewStage").asString()).isEqualTo("REGISTERED");
        assertThat(d.get("lines").get(0).get("amount").decimalValue()).isEqualByComparingTo("1250000.00");
        assertThat(d.get("lines").get(1).get("amount").decimalValue()).isEqualByComparingTo("8.33");
        assertThat(d.get("totalAmount").decimalValue()).isEqualByComparingTo("1250008.33");
        assertThat(d.get("salespersonName").asString()).isEqualTo("钱晓东");

        d = ok("sales", BASE + "/" + id + "/submit", "{'version':" + d.get("version").asLong() + "}");
        assertThat(d.get("reviewStage").asString()).isEqualTo("COUNTERSIGN");
        assertThat(d.get("major").asBoolean()).isTrue();
        assertThat(d.get("reviewNumber").asString()).matches("HT\\d{4}-\\d{6}");
        assertThat(d.get("reviews").valueStream().map(r -> r.get("aspect").asString()).toList()).containsExactly(
                "QUANTITY_PRICE_PAYMENT", "STANDARDS_PARAMETERS", "DESIGN_STATUTORY", "PROCESS_CAPABILITY",
                "INSPECTION_ACCEPTANCE", "MATERIALS", "CAPACITY_DELIVERY", "PAYMENT_CREDIT");
        assertThat(d.get("reviews").valueStream().allMatch(r -> r.get("state").asString().equals("OPEN"))).isTrue();

        // production cannot sign purchasing's aspect
        Response r = sign("ctrprod", id, "MATERIALS", "ACCEPT", null);
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(r.json().get("code").asString()).isEqualTo("contract.not-your-aspect");
        // the reviewer sees the contract they review (outside their OWN scope) and which aspect is theirs
        JsonNode seen = get(BASE + "/" + id, tokenFor("ctrpurch")).json();
        assertThat(review(seen, "MATERIALS").get("mine").asBoolean()).isTrue();
        assertThat(review(seen, "CAPACITY_DELIVERY").get("mine").asBoolean()).isFalse();

        // quality logs an inconsistency; accepting its aspect while it is open is refused
        d = ok("quality", REVIEWS + "/" + id + "/inconsistencies", "{'aspect':'INSPECTION_ACCEPTANCE',"
                + "'description':'客户要求的耐破强度检验方法未注明','proposal':'按GB/T 6545检验'}");
        assertThat(d.get("openInconsistencies").asLong()).isEqualTo(1);
        long inconsistency = d.get("inconsistencies").get(0).get("id").asLong();
        r = sign("quality", id, "INSPECTION_ACCEPTANCE", "ACCEPT", null);
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(r.json().get("code").asString()).isEqualTo("contract.open-inconsistency-aspect");

        // sales settles it with the customer; quality signs again
        d = ok("sales", REVIEWS + "/" + id + "/inconsistencies/" + inconsistency + "/resolution", "{'method':'PHONE',"
                + "'resolvedOn':'" + today(0) + "','withWhom':'采购部李经理','agreed':'按GB/T 6545检验，客户认可'}");
        assertThat(d.get("inconsistencies").get(0).get("status").asString()).isEqualTo("RESOLVED");
        assertThat(d.get("inconsistencies").get(0).get("withWhom").asString()).isEqualTo("采购部李经理");
        assertThat(sign("quality", id, "INSPECTION_ACCEPTANCE", "ACCEPT", null).status()).isEqualTo(200);
        r = sign("quality", id, "INSPECTION_ACCEPTANCE", "ACCEPT", null);
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(r.json().get("code").asString()).isEqualTo("contract.aspect-signed");

        // the outcome before the countersign ended is refused
        r = post(BASE + "/" + id + "/outcome", tokenFor("ctrsalesmgr"), j("{'outcome':'A'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(409);

        assertThat(sign("sales", id, "QUANTITY_PRICE_PAYMENT", "ACCEPT", null).status()).isEqualTo(200);
        assertThat(sign("ctrtech", id, "STANDARDS_PARAMETERS", "ACCEPT", null).status()).isEqualTo(200);
        assertThat(sign("ctrchief", id, "DESIGN_STATUTORY", "ACCEPT", null).status()).isEqualTo(200);
        assertThat(sign("ctrprod", id, "PROCESS_CAPABILITY", "ACCEPT", null).status()).isEqualTo(200);
        r = sign("ctrpurch", id, "MATERIALS", "ACCEPT_WITH_CONDITIONS", null);
        assertThat(r.status()).as("conditions need a comment").isEqualTo(422);
        assertThat(sign("ctrpurch", id, "MATERIALS", "ACCEPT_WITH_CONDITIONS", "原纸采购周期15天，需预付").status())
                .isEqualTo(200);
        assertThat(sign("ctrprod", id, "CAPACITY_DELIVERY", "ACCEPT", null).status()).isEqualTo(200);
        r = sign("ctrfin", id, "PAYMENT_CREDIT", "ACCEPT", null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        // the departments signed: the vice general manager in charge signs next (seed 001-C6)
        assertThat(r.json().get("reviewStage").asString()).isEqualTo("COUNTERSIGN");
        assertThat(review(r.json(), "VICE_GM_SIGNOFF").get("state").asString()).isEqualTo("OPEN");
        r = sign("ctrvp", id, "VICE_GM_SIGNOFF", "ACCEPT", null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        d = r.json();
        assertThat(d.get("reviewStage").asString()).isEqualTo("OUTCOME");
        assertThat(d.get("countersignResult").asString()).isEqualTo("APPROVED");
        assertThat(review(d, "MATERIALS").get("verdict").asString()).isEqualTo("ACCEPT_WITH_CONDITIONS");
        assertThat(review(d, "MATERIALS").get("signedBy").asString()).isEqualTo("ctrpurch");

        // the sales manager accepts; a major contract then waits for the general manager
        d = ok("ctrsalesmgr", BASE + "/" + id + "/outcome", "{'outcome':'A','comment':'条款明确'}");
        assertThat(d.get("reviewStage").asString()).isEqualTo("GM_APPROVAL");
        assertThat(d.get("status").asString()).isEqualTo("UNDER_REVIEW");
        d = ok("gm", BASE + "/" + id + "/gm-decision", "{'approve':true}");
        assertThat(d.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(d.get("reviewStage").asString()).isEqualTo("DONE");
        assertThat(d.get("gmBy").asString()).isEqualTo("吴建国");
        assertThat(d.get("acceptedAt").isNull()).isFalse();

        // the register finds it by product and by the customer's number; the printed form is stamped
        JsonNode page = get(BASE + "?product=" + java.net.URLEncoder.encode(product, java.nio.charset.StandardCharsets.UTF_8),
                tokenFor("ctrsalesmgr")).json();
        assertThat(page.get("items").size()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(get(BASE + "?q=" + d.get("customerNumber").asString(), tokenFor("sales")).json().get("items").size())
                .isEqualTo(1);
        String number = d.get("number").asString();
        PrintedPdf pdf = PrintedPdf.fetch(http, port, BASE + "/" + id + "/review-form.pdf", tokenFor("sales"), null, number);
        assertThat(pdf.text()).contains("合同评审表", "R-QP-005-06", number, product, "1250008.33", "已评审通过");
    }

    /** 002-A7: a reviewer re-signing after an inconsistency tells the other reviewers which aspect's result changed. */
    @Test
    void aReviewerReSigningAfterAnInconsistencyTellsTheOtherReviewersWhichAspectChanged() {
        JsonNode d = register("sales", "SPECIAL", "{'product':'协调纸箱" + UUID.randomUUID().toString().substring(0, 6)
                + "','quantity':100,'unit':'只','unitPrice':5.00}", "");
        long id = d.get("id").asLong();
        ok("sales", BASE + "/" + id + "/submit", null);
        assertThat(sign("ctrtech", id, "STANDARDS_PARAMETERS", "ACCEPT", null).status()).isEqualTo(200);
        assertThat(sign("ctrfin", id, "PAYMENT_CREDIT", "ACCEPT", null).status()).isEqualTo(200);
        // a plain first signature tells nobody
        assertThat(changedNotices("ctrtech", d.get("number").asString())).isZero();
        d = ok("ctrpurch", REVIEWS + "/" + id + "/inconsistencies", "{'aspect':'MATERIALS',"
                + "'description':'客户指定纸板无货','proposal':'改用同等级纸板'}");
        long inconsistency = d.get("inconsistencies").get(0).get("id").asLong();
        ok("sales", REVIEWS + "/" + id + "/inconsistencies/" + inconsistency + "/resolution", "{'method':'PHONE',"
                + "'resolvedOn':'" + today(0) + "','withWhom':'客户采购王经理','agreed':'同意改用同等级纸板'}");
        assertThat(sign("ctrpurch", id, "MATERIALS", "ACCEPT_WITH_CONDITIONS", "改用同等级纸板").status()).isEqualTo(200);

        String number = d.get("number").asString();
        assertThat(changedNotices("ctrtech", number)).as("the technical reviewer is told").isEqualTo(1);
        assertThat(changedNotices("ctrfin", number)).as("the finance reviewer is told").isEqualTo(1);
        assertThat(changedNotices("ctrpurch", number)).as("not the re-signing reviewer").isZero();
        assertThat(changedNotices("ctrprod", number)).as("not someone who has not reviewed yet").isZero();
        String title = jdbc.sql("select title from notification where recipient_id = :u and link = :l"
                        + " and title_text like '%contract.notify.result-changed%'")
                .param("u", userId("ctrtech")).param("l", "/contracts/" + id).query(String.class).single();
        assertThat(title).contains(number, "材料");
    }

    @Test
    void aReviewerReSigningFromTheApprovalInboxTellsTheOtherReviewersOnce() {
        JsonNode d = register("sales", "SPECIAL", "{'product':'收件箱协调" + UUID.randomUUID().toString().substring(0, 6)
                + "','quantity':100,'unit':'只','unitPrice':5.00}", "");
        long id = d.get("id").asLong();
        String number = d.get("number").asString();
        ok("sales", BASE + "/" + id + "/submit", null);
        assertThat(sign("ctrtech", id, "STANDARDS_PARAMETERS", "ACCEPT", null).status()).isEqualTo(200);
        d = ok("ctrpurch", REVIEWS + "/" + id + "/inconsistencies", "{'aspect':'MATERIALS',"
                + "'description':'客户指定纸板无货','proposal':'改用同等级纸板'}");
        long inconsistency = d.get("inconsistencies").get(0).get("id").asLong();
        ok("sales", REVIEWS + "/" + id + "/inconsistencies/" + inconsistency + "/resolution", "{'method':'PHONE',"
                + "'resolvedOn':'" + today(0) + "','withWhom':'客户采购王经理','agreed':'同意改用同等级纸板'}");
        // the purchasing reviewer decides their task in 待我审批, not on the contract page
        long task = get("/api/v1/approvals/tasks?mine", tokenFor("ctrpurch")).json().valueStream()
                .filter(t -> number.equals(t.get("number").asString())).findFirst().orElseThrow()
                .get("id").asLong();
        Response r = post("/api/v1/approvals/tasks/" + task + "/decision", tokenFor("ctrpurch"),
                j("{'decision':'APPROVE_WITH_CONDITIONS','comment':'改用同等级纸板'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(changedNotices("ctrtech", number)).as("the technical reviewer is told once").isEqualTo(1);
        assertThat(changedNotices("ctrpurch", number)).as("not the re-signing reviewer").isZero();
        assertThat(changedNotices("ctrfin", number)).as("not someone who has not reviewed yet").isZero();
    }

    long changedNotices(String username, String number) {
        return jdbc.sql("select count(*) from notification where recipient_id = :u and title like :n"
                        + " and title_text like '%contract.notify.result-changed%'")
                .param("u", userId(username)).param("n", "%" + number + "%").query(Long.class).single();
    }

    @Test
    void aRegularContractIsSignedBySalesAndProductionAcceptedWithoutTheGeneralManagerAndRunsThroughTheRegister() {
        JsonNode d = register("sales", "REGULAR", "{'product':'三层纸箱','quantity':500,'unit':'只','unitPrice':2.80}", "");
        long id = d.get("id").asLong();
        d = ok("sales", BASE + "/" + id + "/submit", null);
        assertThat(d.get("major").asBoolean()).isFalse();
        assertThat(d.get("reviews").valueStream().map(r -> r.get("aspect").asString()).toList())
                .containsExactly("QUANTITY_PRICE_PAYMENT", "CAPACITY_DELIVERY");
        // an aspect that is not part of a regular review
        Response r = sign("quality", id, "INSPECTION_ACCEPTANCE", "ACCEPT", null);
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.body()).contains("\"field\":\"aspect\"");
        assertThat(sign("sales", id, "QUANTITY_PRICE_PAYMENT", "ACCEPT", null).status()).isEqualTo(200);
        assertThat(sign("ctrprod", id, "CAPACITY_DELIVERY", "ACCEPT", null).status()).isEqualTo(200);
        assertThat(sign("ctrvp", id, "VICE_GM_SIGNOFF", "ACCEPT", null).status()).isEqualTo(200);
        d = ok("ctrsalesmgr", BASE + "/" + id + "/outcome", "{'outcome':'A'}");
        assertThat(d.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(d.get("totalAmount").decimalValue()).isEqualByComparingTo("1400.00");
        d = ok("sales", BASE + "/" + id + "/start-production", null);
        assertThat(d.get("status").asString()).isEqualTo("IN_PRODUCTION");
        r = post(BASE + "/" + id + "/close", tokenFor("sales"), null);
        assertThat(r.status()).as("closing before delivery").isEqualTo(409);
        ok("sales", BASE + "/" + id + "/deliver", null);
        d = ok("sales", BASE + "/" + id + "/close", null);
        assertThat(d.get("status").asString()).isEqualTo("CLOSED");
        assertThat(get(BASE + "?status=CLOSED&limit=200", tokenFor("sales")).json().get("items").valueStream()
                .anyMatch(i -> i.get("id").asLong() == id)).isTrue();
    }

    @Test
    void aDepartmentThatCannotAcceptEndsTheCountersignAndTheOutcomeCanOnlyBeBOrC() {
        JsonNode d = register("sales", "REGULAR", "{'product':'彩印盒','quantity':1000,'unit':'只','unitPrice':1.20}", "");
        long id = d.get("id").asLong();
        ok("sales", BASE + "/" + id + "/submit", null);
        assertThat(sign("ctrprod", id, "CAPACITY_DELIVERY", "CANNOT_ACCEPT", "旺季产能已满，交期需延后两周").status())
                .isEqualTo(200);
        d = get(BASE + "/" + id, tokenFor("sales")).json();
        assertThat(d.get("reviewStage").asString()).isEqualTo("OUTCOME");
        assertThat(d.get("countersignResult").asString()).isEqualTo("REJECTED");
        Response r = post(BASE + "/" + id + "/outcome", tokenFor("ctrsalesmgr"), j("{'outcome':'A'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        d = ok("ctrsalesmgr", BASE + "/" + id + "/outcome", "{'outcome':'B','comment':'与客户商议延后交期'}");
        assertThat(d.get("reviewStage").asString()).isEqualTo("CLARIFY");
        // submitted again after clarifying: a new countersign, the same review number
        String reviewNumber = d.get("reviewNumber").asString();
        d = ok("sales", BASE + "/" + id + "/submit", null);
        assertThat(d.get("reviewStage").asString()).isEqualTo("COUNTERSIGN");
        assertThat(d.get("reviewNumber").asString()).isEqualTo(reviewNumber);
        assertThat(review(d, "CAPACITY_DELIVERY").get("state").asString()).isEqualTo("OPEN");
        assertThat(sign("ctrprod", id, "CAPACITY_DELIVERY", "CANNOT_ACCEPT", "仍无法满足").status()).isEqualTo(200);
        d = ok("ctrsalesmgr", BASE + "/" + id + "/outcome", "{'outcome':'C','comment':'客户不同意延期'}");
        assertThat(d.get("status").asString()).isEqualTo("NOT_ACCEPTED");
    }

    Response upload(String user, long id, String slot, String name, String type, byte[] bytes) {
        var form = new com.careloop.support.Multipart().field("slot", slot).file("file", name, type, bytes);
        try {
            var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + BASE
                            + "/" + id + "/files")).header("Authorization", "Bearer " + tokenFor(user))
                    .header("Content-Type", form.contentType()).header("Accept", "application/json")
                    .POST(form.publisher()).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r.headers().map(), json);
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aScanIsStoredCheckedByItsBytesAndServedOnlyFromItsOwnContract() {
        long id = register("sales", "SPECIAL", "{'product':'纸箱','quantity':1,'unit':'只','unitPrice':1}", "")
                .get("id").asLong();
        long other = register("sales", "REGULAR", "{'product':'纸箱','quantity':1,'unit':'只','unitPrice':1}", "")
                .get("id").asLong();
        byte[] pdf = "%PDF-1.4\n%contract scan\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Response r = upload("sales", id, "LICENCE", "商标授权书.pdf", "application/pdf", pdf);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long fileId = r.json().get("id").asLong();
        assertThat(r.json().get("slot").asString()).isEqualTo("LICENCE");
        JsonNode d = get(BASE + "/" + id, tokenFor("sales")).json();
        assertThat(d.get("files").get(0).get("fileName").asString()).isEqualTo("商标授权书.pdf");
        Response file = get(BASE + "/" + id + "/files/" + fileId, tokenFor("sales"));
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body()).startsWith("%PDF-1.4");
        assertThat(file.header("Content-Disposition")).contains("attachment");
        assertThat(get(BASE + "/" + other + "/files/" + fileId, tokenFor("sales")).status()).isEqualTo(404);
        r = upload("sales", id, "SCAN", "scan.pdf", "application/pdf", new byte[] {'M', 'Z', 0, 0, 1, 2, 3, 4});
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
        assertThat(get(BASE + "/" + id, tokenFor("sales")).json().get("files").size()).isEqualTo(1);
        assertThat(upload("frontdesk", id, "SCAN", "scan.pdf", "application/pdf", pdf).status()).isEqualTo(403);
    }

    @Test
    void aRetriedRegistrationWithTheSameIdempotencyKeyCreatesOneContract() {
        String key = UUID.randomUUID().toString();
        String body = body("REGULAR", "IK-" + key.substring(0, 6), "{'product':'纸箱','quantity':1,'unit':'只','unitPrice':1}", "");
        Response first = post(BASE, tokenFor("sales"), body, "Idempotency-Key", key);
        Response again = post(BASE, tokenFor("sales"), body, "Idempotency-Key", key);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
    }

    @Test
    void aRepeatOrderOfAnUnchangedProductNeedsOnlyTheSalesManagersConfirmation() {
        JsonNode d = register("sales", "REPEAT_UNCHANGED", "{'product':'三层纸箱','quantity':300,'unit':'只','unitPrice':2.80}", "");
        long id = d.get("id").asLong();
        d = ok("sales", BASE + "/" + id + "/submit", null);
        assertThat(d.get("reviewStage").asString()).isEqualTo("OUTCOME");
        assertThat(d.get("reviews").size()).isZero();
        d = ok("ctrsalesmgr", BASE + "/" + id + "/outcome", "{'outcome':'A'}");
        assertThat(d.get("status").asString()).isEqualTo("ACCEPTED");
    }

    @Test
    void theGeneralManagerCannotApproveTheirOwnMajorContract() {
        JsonNode d = register("sales", "REPEAT_UNCHANGED", "{'product':'重型纸箱','quantity':100000,'unit':'只',"
                + "'unitPrice':20}", ",'salespersonId':" + userId("gm"));
        long id = d.get("id").asLong();
        assertThat(d.get("salespersonName").asString()).isEqualTo("吴建国");
        d = ok("sales", BASE + "/" + id + "/submit", null);
        assertThat(d.get("major").asBoolean()).isTrue();
        // the contract belongs to the GM's department: an administrator records the outcome
        d = ok("admin", BASE + "/" + id + "/outcome", "{'outcome':'A'}");
        assertThat(d.get("reviewStage").asString()).isEqualTo("GM_APPROVAL");
        Response r = post(BASE + "/" + id + "/gm-decision", tokenFor("gm"), j("{'approve':true}"));
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(r.json().get("code").asString()).isEqualTo("contract.own-contract");
        // not from the approval inbox either
        String number = d.get("number").asString();
        long task = get("/api/v1/approvals/tasks?mine", tokenFor("gm")).json().valueStream()
                .filter(t -> number.equals(t.get("number").asString())).findFirst().orElseThrow()
                .get("id").asLong();
        r = post("/api/v1/approvals/tasks/" + task + "/decision", tokenFor("gm"), j("{'decision':'APPROVE'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(get(BASE + "/" + id, tokenFor("gm")).json().get("status").asString()).isEqualTo("UNDER_REVIEW");
    }

    /**
     * Seeds 001-A1, 001-C5, 001-C6, 001-C9 on a fresh installation (V163): a regular contract not in stock is reviewed
     * by sales and production (capacity, date, material) and then signed by the sales vice general manager (销售副总经理);
     * a special contract adds the chief engineer (总工程师: design capability and statutory requirements) and quality's
     * inspection incl. testing capability, and is signed by the vice general manager in charge. Both are the chains'
     * default (恢复默认), and the positions exist as data.
     */
    @Test
    void theDefaultMatrixRoutesTheSeedsAspectsToTheSeedsPeople() {
        for (String position : List.of("SALES_VP", "CHIEF_ENGINEER", "WAREHOUSE_KEEPER")) {
            assertThat(jdbc.sql("select count(*) from job_position where code = :c and active = true").param("c", position)
                    .query(Long.class).single()).as(position).isEqualTo(1);
        }
        assertThat(jdbc.sql("select default_stages from approval_chain where code = 'contract.REGULAR'").query(String.class)
                .single()).contains("\"ref\":\"SALES_VP\"", "VICE_GM_SIGNOFF").doesNotContain("CHIEF_ENGINEER");
        assertThat(jdbc.sql("select default_stages from approval_chain where code = 'contract.SPECIAL'").query(String.class)
                .single()).contains("\"ref\":\"SALES_VP\"", "\"ref\":\"CHIEF_ENGINEER\"", "\"ref\":\"QA\"");

        long regular = register("sales", "REGULAR", "{'product':'纸箱','quantity':10,'unit':'只','unitPrice':2}", "")
                .get("id").asLong();
        JsonNode d = ok("sales", BASE + "/" + regular + "/submit", null);
        assertThat(d.get("reviews").valueStream().map(x -> x.get("aspect").asString()).toList())
                .containsExactly("QUANTITY_PRICE_PAYMENT", "CAPACITY_DELIVERY");
        ok("sales", REVIEWS + "/" + regular + "/signatures", "{'aspect':'QUANTITY_PRICE_PAYMENT','verdict':'ACCEPT'}");
        d = ok("ctrprod", REVIEWS + "/" + regular + "/signatures", "{'aspect':'CAPACITY_DELIVERY','verdict':'ACCEPT'}");
        assertThat(d.get("reviewStage").asString()).isEqualTo("COUNTERSIGN");
        assertThat(review(d, "VICE_GM_SIGNOFF").get("assignee").asString()).contains("销售副总经理");
        // only the holder of the position signs it
        Response r = sign("ctrprod", regular, "VICE_GM_SIGNOFF", "ACCEPT", null);
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        d = ok("ctrvp", REVIEWS + "/" + regular + "/signatures", "{'aspect':'VICE_GM_SIGNOFF','verdict':'ACCEPT'}");
        assertThat(d.get("reviewStage").asString()).isEqualTo("OUTCOME");
        assertThat(review(d, "VICE_GM_SIGNOFF").get("signedBy").asString()).isEqualTo("ctrvp");

        long special = register("sales", "SPECIAL", "{'product':'新结构箱','quantity':10,'unit':'只','unitPrice':2}", "")
                .get("id").asLong();
        d = ok("sales", BASE + "/" + special + "/submit", null);
        assertThat(review(d, "DESIGN_STATUTORY").get("assignee").asString()).contains("总工程师");
        assertThat(review(d, "INSPECTION_ACCEPTANCE").get("state").asString()).isEqualTo("OPEN");
        r = sign("ctrtech", special, "DESIGN_STATUTORY", "ACCEPT", null);
        assertThat(r.status()).as("the chief engineer's aspect is not the technical department's").isEqualTo(409);
        assertThat(sign("ctrchief", special, "DESIGN_STATUTORY", "ACCEPT", null).status()).isEqualTo(200);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsSaved() {
        long before = jdbc.sql("select count(*) from contract").query(Long.class).single();
        record Case(String lines, String extra, String field) {
        }
        for (Case c : List.of(
                new Case("{'product':'纸箱','quantity':10,'unit':'只','unitPrice':1.234}", "", "lines[0].unitPrice"),
                new Case("{'product':'纸箱','quantity':0,'unit':'只','unitPrice':1}", "", "lines[0].quantity"),
                new Case("{'product':'纸箱','quantity':-5,'unit':'只','unitPrice':1}", "", "lines[0].quantity"),
                new Case("{'product':'纸箱','quantity':1,'unit':'只','unitPrice':1},{'quantity':1,'unit':'只','unitPrice':1}",
                        "", "lines[1].product"))) {
            Response r = post(BASE, tokenFor("sales"), body("SPECIAL", "X", c.lines(), c.extra()));
            assertThat(r.status()).as(r.body()).isEqualTo(422);
            assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo(c.field());
        }
        Response r = post(BASE, tokenFor("sales"), j("{'customerId':" + customerId + ",'source':'PHONE',"
                + "'contractClass':'REGULAR','orderDate':'" + today(5) + "','deliveryDate':'" + today(1) + "',"
                + "'lines':[{'product':'纸箱','quantity':1,'unit':'只','unitPrice':1}]}"));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("deliveryDate");
        assertThat(r.json().get("detail").asString()).contains("早于订单日期");
        assertThat(jdbc.sql("select count(*) from contract").query(Long.class).single()).isEqualTo(before);

        assertThat(post(BASE, tokenFor("frontdesk"), body("REGULAR", "X",
                "{'product':'纸箱','quantity':1,'unit':'只','unitPrice':1}", "")).status()).isEqualTo(403);
        assertThat(get(BASE, tokenFor("frontdesk")).status()).isEqualTo(403);
    }

    @Test
    void theDemoCompanyStartsWithContractsInSeveralStates() {
        JsonNode items = get(BASE + "?q=2026-0&limit=200", tokenFor("gm")).json().get("items");
        List<String> states = items.valueStream().filter(i -> List.of("JL-2026-118", "HS-CG-2026-0412", "LH-2026-0920",
                        "HS-CG-2026-0388", "LH-2026-0611", "JL-2026-097", "LH-2026-0702")
                .contains(i.get("customerNumber").asString()))
                .map(i -> i.get("customerNumber").asString() + ":" + i.get("status").asString() + ":"
                        + i.get("reviewStage").asString()).toList();
        assertThat(states).contains("JL-2026-118:UNDER_REVIEW:REGISTERED", "HS-CG-2026-0412:UNDER_REVIEW:COUNTERSIGN",
                "LH-2026-0920:UNDER_REVIEW:OUTCOME", "HS-CG-2026-0388:IN_PRODUCTION:DONE", "LH-2026-0611:CLOSED:DONE",
                "JL-2026-097:UNDER_REVIEW:GM_APPROVAL", "LH-2026-0702:CANCELLED:DONE");
        long id = items.valueStream().filter(i -> i.get("customerNumber").asString().equals("HS-CG-2026-0412"))
                .findFirst().orElseThrow().get("id").asLong();
        JsonNode d = get(BASE + "/" + id, tokenFor("sales")).json();
        assertThat(d.get("openInconsistencies").asLong()).isEqualTo(1);
        assertThat(review(d, "QUANTITY_PRICE_PAYMENT").get("verdict").asString()).isEqualTo("ACCEPT");
    }
}
