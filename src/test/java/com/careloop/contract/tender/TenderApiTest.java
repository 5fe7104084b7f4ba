package com.careloop.contract.tender;

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
 * Tender review (招投标评审) through the API: register, countersign on tender.review through the approval inbox, bid
 * decision by the sales manager, the general manager on a major bid, won → a contract (source TENDER) pointing back;
 * a department that cannot accept leaves only "no bid"; bad input is a 422 naming the field.
 */
class TenderApiTest extends ApiTestBase {

    static final String BASE = "/api/v1/tenders";

    @Autowired
    JdbcClient jdbc;

    long customerId;

    @BeforeEach
    void reviewers() {
        user("ctrprod", "PROD", "STAFF", "STAFF");
        user("ctrtech", "TECH", "STAFF", "STAFF");
        user("ctrpurch", "PURCH", "STAFF", "STAFF");
        user("ctrfin", "FIN", "STAFF", "STAFF");
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

    JsonNode register(String amount) {
        Response r = post(BASE, tokenFor("sales"), j("{'customerId':" + customerId + ",'tenderNo':'ZB-"
                + UUID.randomUUID().toString().substring(0, 8) + "','title':'年度纸箱采购招标','bidDeadline':'" + today(10)
                + "','scope':'五层瓦楞纸箱 60万只/年','estimatedAmount':" + amount + ",'requirements':'GB6543-2008'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    JsonNode ok(String user, String path, String body) {
        Response r = post(path, tokenFor(user), body == null ? null : j(body));
        assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
        return r.json();
    }

    /** Every open task of the tender's review the user has, decided with the given decision. */
    void decideMyTasks(String user, long tenderId, String decision) {
        JsonNode mine = get("/api/v1/approvals/tasks?mine", tokenFor(user)).json();
        mine.valueStream().filter(t -> t.get("subjectId").asLong() == tenderId
                        && t.get("subjectType").asString().startsWith("tender"))
                .forEach(t -> ok(user, "/api/v1/approvals/tasks/" + t.get("id").asLong() + "/decision",
                        "{'decision':'" + decision + "','comment':'评审意见'}"));
    }

    @Test
    void aMajorTenderIsCountersignedBidApprovedByTheGeneralManagerWonAndBecomesAContract() {
        JsonNode t = register("2000000.00");
        long id = t.get("id").asLong();
        assertThat(t.get("number").asString()).matches("TB\\d{4}-\\d{6}|TB.*");
        assertThat(t.get("status").asString()).isEqualTo("DRAFT");
        assertThat(t.get("major").asBoolean()).isTrue();

        t = ok("sales", BASE + "/" + id + "/submit", "{'version':" + t.get("version").asLong() + "}");
        assertThat(t.get("status").asString()).isEqualTo("UNDER_REVIEW");
        Response early = post(BASE + "/" + id + "/decision", tokenFor("ctrsalesmgr"), j("{'decision':'BID'}"));
        assertThat(early.status()).as(early.body()).isEqualTo(409);
        assertThat(early.json().get("code").asString()).isEqualTo("tender.wrong-stage");

        for (String reviewer : new String[] {"sales", "ctrtech", "ctrprod", "quality", "ctrpurch", "ctrfin"}) {
            decideMyTasks(reviewer, id, "APPROVE");
        }
        t = get(BASE + "/" + id, tokenFor("sales")).json();
        assertThat(t.get("status").asString()).isEqualTo("REVIEWED");
        assertThat(t.get("countersign").asString()).isEqualTo("APPROVED");

        t = ok("ctrsalesmgr", BASE + "/" + id + "/decision", "{'decision':'BID','comment':'投标'}");
        assertThat(t.get("status").asString()).isEqualTo("AWAITING_GM");
        t = ok("gm", BASE + "/" + id + "/gm-decision", "{'approve':true,'comment':'同意投标'}");
        assertThat(get(BASE + "/" + id, tokenFor("sales")).json().get("status").asString()).isEqualTo("BID");

        Response noLines = post(BASE + "/" + id + "/result", tokenFor("sales"), j("{'result':'WON'}"));
        assertThat(noLines.status()).isEqualTo(422);
        t = ok("sales", BASE + "/" + id + "/result", "{'result':'WON','deliveryDate':'" + today(40) + "',"
                + "'paymentTerms':'月结60天','lines':[{'product':'五层瓦楞纸箱','quantity':600000,'unit':'只','unitPrice':3.20}]}");
        assertThat(t.get("status").asString()).isEqualTo("WON");
        long contractId = t.get("contractId").asLong();
        assertThat(t.get("contractNumber").asString()).startsWith("HTDJ");
        JsonNode contract = get("/api/v1/contracts/" + contractId, tokenFor("sales")).json();
        assertThat(contract.get("source").asString()).isEqualTo("TENDER");
        assertThat(contract.get("totalAmount").decimalValue()).isEqualByComparingTo("1920000.00");
        JsonNode byContract = get(BASE + "?contractId=" + contractId, tokenFor("sales")).json();
        assertThat(byContract.size()).isEqualTo(1);
        assertThat(byContract.get(0).get("id").asLong()).isEqualTo(id);

        var page = new com.careloop.support.PageSession(port);
        page.login("sales", DEMO_PASSWORD);
        String detail = page.get("/tenders/" + id).body();
        assertThat(detail).contains(t.get("number").asString(), "中标", t.get("contractNumber").asString(), "会签");
        assertThat(page.get("/tenders").body()).contains(t.get("number").asString());
    }

    /** The result form takes several awarded lines; a bad one is named by its line and field, nothing is saved. */
    @Test
    void aWonTenderBecomesAContractWithSeveralLinesFromThePage() {
        JsonNode t = register("50000.00");
        long id = t.get("id").asLong();
        ok("sales", BASE + "/" + id + "/submit", "{'version':" + t.get("version").asLong() + "}");
        for (String reviewer : new String[] {"sales", "ctrtech", "ctrprod", "quality", "ctrpurch", "ctrfin"}) {
            decideMyTasks(reviewer, id, "APPROVE");
        }
        ok("ctrsalesmgr", BASE + "/" + id + "/decision", "{'decision':'BID','comment':'投标'}");
        var page = new com.careloop.support.PageSession(port);
        page.login("sales", DEMO_PASSWORD);
        assertThat(page.get("/tenders/" + id).body()).contains("id=\"tender-result-lines\"")
                .containsPattern("(?s)(class=\"tender-result-line\".*){5}");
        var bad = page.post("/tenders/" + id + "/result", "result", "WON", "deliveryDate", today(40), "paymentTerms", "月结",
                "product", "纸箱A", "spec", "", "quantity", "100", "unit", "只", "unitPrice", "2.50",
                "product", "纸箱B", "spec", "", "quantity", "-5", "unit", "只", "unitPrice", "3.00",
                "product", "", "spec", "", "quantity", "", "unit", "", "unitPrice", "");
        assertThat(bad.location()).endsWith("/tenders/" + id);
        assertThat(page.get("/tenders/" + id).body()).contains("第 2 行数量");
        assertThat(get(BASE + "/" + id, tokenFor("sales")).json().get("status").asString()).isEqualTo("BID");

        var won = page.post("/tenders/" + id + "/result", "result", "WON", "deliveryDate", today(40), "paymentTerms", "月结",
                "product", "纸箱A", "spec", "", "quantity", "100", "unit", "只", "unitPrice", "2.50",
                "product", "", "spec", "", "quantity", "", "unit", "", "unitPrice", "",
                "product", "纸箱B", "spec", "300x200", "quantity", "40", "unit", "只", "unitPrice", "3.00");
        assertThat(won.location()).contains("/contracts/");
        long contractId = get(BASE + "/" + id, tokenFor("sales")).json().get("contractId").asLong();
        JsonNode contract = get("/api/v1/contracts/" + contractId, tokenFor("sales")).json();
        assertThat(contract.get("lines").size()).isEqualTo(2);
        assertThat(contract.get("lines").get(1).get("product").asString()).isEqualTo("纸箱B");
        assertThat(contract.get("totalAmount").decimalValue()).isEqualByComparingTo("370.00");
    }

    @Test
    void salesRegistersAndSubmitsATenderOnThePages() {
        var page = new com.careloop.support.PageSession(port);
        page.login("sales", DEMO_PASSWORD);
        page.get("/tenders");
        var created = page.post("/tenders", "customerId", String.valueOf(customerId), "title", "页面登记的招标",
                "bidDeadline", today(7), "scope", "纸箱 1万只", "estimatedAmount", "12000.50");
        assertThat(created.status()).isEqualTo(302);
        String path = java.net.URI.create(created.location()).getPath();
        assertThat(page.get(path).body()).contains("页面登记的招标", "草稿");
        assertThat(page.post(path + "/submit").status()).isEqualTo(302);
        assertThat(page.get(path).body()).contains("评审中");
    }

    @Test
    void aDepartmentThatCannotAcceptLeavesOnlyNoBidWithAReason() {
        JsonNode t = register("50000");
        long id = t.get("id").asLong();
        assertThat(t.get("major").asBoolean()).isFalse();
        ok("sales", BASE + "/" + id + "/submit", null);
        decideMyTasks("ctrtech", id, "REJECT");
        t = get(BASE + "/" + id, tokenFor("sales")).json();
        assertThat(t.get("status").asString()).isEqualTo("REVIEWED");
        assertThat(t.get("countersign").asString()).isEqualTo("REJECTED");

        Response bid = post(BASE + "/" + id + "/decision", tokenFor("ctrsalesmgr"), j("{'decision':'BID'}"));
        assertThat(bid.status()).isEqualTo(409);
        assertThat(bid.json().get("code").asString()).isEqualTo("tender.countersign-rejected");
        Response noReason = post(BASE + "/" + id + "/decision", tokenFor("ctrsalesmgr"), j("{'decision':'NO_BID'}"));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("comment");
        t = ok("ctrsalesmgr", BASE + "/" + id + "/decision", "{'decision':'NO_BID','comment':'技术参数无法满足'}");
        assertThat(t.get("status").asString()).isEqualTo("NO_BID");
        assertThat(post(BASE + "/" + id + "/decision", tokenFor("sales"), j("{'decision':'BID'}")).status())
                .as("sales has no contract:decide").isEqualTo(403);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsSaved() {
        long before = jdbc.sql("select count(*) from tender").query(Long.class).single();
        Response decimals = post(BASE, tokenFor("sales"), j("{'customerId':" + customerId + ",'title':'x','bidDeadline':'"
                + today(5) + "','scope':'y','estimatedAmount':1.234}"));
        assertThat(decimals.status()).isEqualTo(422);
        assertThat(decimals.json().get("errors").get(0).get("field").asString()).isEqualTo("estimatedAmount");
        Response past = post(BASE, tokenFor("sales"), j("{'customerId':" + customerId + ",'title':'x','bidDeadline':'"
                + today(-1) + "','scope':'y','estimatedAmount':1}"));
        assertThat(past.status()).isEqualTo(422);
        assertThat(past.json().get("errors").get(0).get("field").asString()).isEqualTo("bidDeadline");
        assertThat(jdbc.sql("select count(*) from tender").query(Long.class).single()).isEqualTo(before);
    }

    Response upload(long id, String slot, String name, String type, byte[] bytes) {
        var form = new com.careloop.support.Multipart().field("slot", slot).file("file", name, type, bytes);
        try {
            var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + BASE
                            + "/" + id + "/files")).header("Authorization", "Bearer " + tokenFor("sales"))
                    .header("Content-Type", form.contentType()).header("Accept", "application/json")
                    .POST(form.publisher()).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r.headers().map(), json);
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theTenderDocumentIsKeptInTheFileStoreAndServedOnlyThroughItsOwnTender() {
        long id = register("80000").get("id").asLong();
        long other = register("80000").get("id").asLong();
        byte[] pdf = "%PDF-1.4\n%tender document\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Response stored = upload(id, "TENDER_DOCUMENT", "招标文件.pdf", "application/pdf", pdf);
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        long fileId = stored.json().get("id").asLong();
        assertThat(stored.json().get("slot").asString()).isEqualTo("TENDER_DOCUMENT");

        Response fake = upload(id, "DRAWING", "drawing.pdf", "application/pdf", "not a pdf".getBytes());
        assertThat(fake.status()).as("checked by its bytes").isEqualTo(422);
        assertThat(get(BASE + "/" + id + "/files", tokenFor("sales")).json().size()).isEqualTo(1);

        Response file = get(BASE + "/" + id + "/files/" + fileId, tokenFor("sales"));
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body()).startsWith("%PDF-1.4");
        assertThat(get(BASE + "/" + other + "/files/" + fileId, tokenFor("sales")).status()).isEqualTo(404);

        var page = new com.careloop.support.PageSession(port);
        page.login("sales", DEMO_PASSWORD);
        assertThat(page.get("/tenders/" + id).body()).contains("招标文件.pdf", "招标文件/标书");
        assertThat(page.download("/tenders/" + id + "/files/" + fileId).statusCode()).isEqualTo(200);
    }

    @Test
    void theTenderReviewFormPrintsTheCountersignInTheReadersLanguage() {
        JsonNode t = register("30000");
        long id = t.get("id").asLong();
        String number = t.get("number").asString();
        ok("sales", BASE + "/" + id + "/submit", null);
        decideMyTasks("ctrtech", id, "APPROVE");

        var pdf = com.careloop.support.PrintedPdf.fetch(http, port, BASE + "/" + id + "/review-form.pdf",
                tokenFor("sales"), null, number);
        // a table cell wraps its text (the signature column with name and date narrowed the comment column)
        assertThat(pdf.text().replace("\n", "")).contains("投标评审表", number, "年度纸箱采购招标", "GB6543-2008", "同意",
                "评审意见", "评审中");
        assertThat(pdf.text()).doesNotContain("APPROVE", "contract.aspect.", "tender.status.");
        var en = com.careloop.support.PrintedPdf.fetch(http, port, BASE + "/" + id + "/review-form.pdf",
                tokenFor("sales"), "en", number);
        assertThat(en.text()).contains("Tender review form", "Approve", "Under review").doesNotContain("同意");

        var page = new com.careloop.support.PageSession(port);
        page.login("sales", DEMO_PASSWORD);
        String detail = page.get("/tenders/" + id).body();
        assertThat(detail).contains("同意", "评审意见", "待审批").doesNotContain(">APPROVE<", ">OPEN<");
        assertThat(page.get("/tenders/" + id + "/review-form").body()).contains("投标评审表", number);
    }

    @Test
    void aTendersReviewMeetingIsRecordedWithItsMinutesAndPrintedOnTheTenderReviewForm() {
        JsonNode t = register("50000");
        long id = t.get("id").asLong();
        String number = t.get("number").asString();
        // bad input: nothing saved, the field named
        Response r = post(BASE + "/" + id + "/review-meetings", tokenFor("sales"), j("{'heldOn':'" + today(1)
                + "','attendees':'张三','minutes':'同意投标'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.body()).contains("\"field\":\"heldOn\"");
        r = post(BASE + "/" + id + "/review-meetings", tokenFor("sales"), j("{'heldOn':'" + today(0)
                + "','place':'二楼会议室','attendees':'钱晓东、技术部林工、财务部王会计'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.body()).contains("\"field\":\"minutes\"");
        assertThat(get(BASE + "/" + id + "/review-meetings", tokenFor("sales")).json().size()).isZero();

        r = post(BASE + "/" + id + "/review-meetings", tokenFor("sales"), j("{'heldOn':'" + today(0)
                + "','place':'二楼会议室','attendees':'钱晓东、技术部林工、财务部王会计',"
                + "'minutes':'交期可满足，价格按成本加15%报价，同意投标'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("recordedBy").asString()).isEqualTo("钱晓东");
        JsonNode list = get(BASE + "/" + id + "/review-meetings", tokenFor("sales")).json();
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).get("minutes").asString()).contains("同意投标");
        // another tender has none
        long other = register("1000").get("id").asLong();
        assertThat(get(BASE + "/" + other + "/review-meetings", tokenFor("sales")).json().size()).isZero();

        var pdf = com.careloop.support.PrintedPdf.fetch(http, port, BASE + "/" + id + "/review-form.pdf",
                tokenFor("sales"), null, number);
        assertThat(pdf.text().replace("\n", "")).contains("评审会议纪要", "二楼会议室", "同意投标");
        var page = new com.careloop.support.PageSession(port);
        page.login("sales", DEMO_PASSWORD);
        assertThat(page.get("/tenders/" + id).body()).contains("评审会议", "交期可满足", "meeting-form");
    }

    @Test
    void theListFiltersByStatusCustomerTextAndDeadline() {
        JsonNode t = register("1000");
        long id = t.get("id").asLong();
        String tenderNo = t.get("tenderNo").asString();
        assertThat(ids(BASE + "?q=" + tenderNo)).containsExactly(id);
        assertThat(ids(BASE + "?q=" + tenderNo + "&status=WON")).isEmpty();
        assertThat(ids(BASE + "?q=" + tenderNo + "&status=DRAFT&customerId=" + customerId)).containsExactly(id);
        assertThat(ids(BASE + "?q=" + tenderNo + "&deadlineFrom=" + today(10) + "&deadlineTo=" + today(10)))
                .containsExactly(id);
        assertThat(ids(BASE + "?q=" + tenderNo + "&deadlineFrom=" + today(11))).isEmpty();

        var page = new com.careloop.support.PageSession(port);
        page.login("sales", DEMO_PASSWORD);
        assertThat(page.get("/tenders?q=" + tenderNo).body()).contains(t.get("number").asString());
        assertThat(page.get("/tenders?q=" + tenderNo + "&status=LOST").body()).doesNotContain(t.get("number").asString());
        String form = page.get("/tenders/new?customer=" + java.net.URLEncoder.encode("恒顺",
                java.nio.charset.StandardCharsets.UTF_8)).body();
        assertThat(form).contains("江苏恒顺食品有限公司", "id=\"tender-form\"");
    }

    java.util.List<Long> ids(String path) {
        Response r = get(path, tokenFor("sales"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().valueStream().map(n -> n.get("id").asLong()).toList();
    }

    @Test
    void theDemoTendersShowOneUnderReviewOneWonAndTurnedIntoAContractAndOneNotBid() {
        assertThat(jdbc.sql("select status from tender where tender_no = 'JLZB-2026-031'").query(String.class).single())
                .isEqualTo("UNDER_REVIEW");
        assertThat(jdbc.sql("select status from tender where tender_no = 'HSZB-2026-007'").query(String.class).single())
                .isEqualTo("NO_BID");
        long contractId = jdbc.sql("select contract_id from tender where tender_no = 'LHZB-2026-112' and status = 'WON'")
                .query(Long.class).single();
        long tenderId = jdbc.sql("select id from tender where tender_no = 'LHZB-2026-112'").query(Long.class).single();
        var page = new com.careloop.support.PageSession(port);
        page.login("sales", DEMO_PASSWORD);
        String contract = page.get("/contracts/" + contractId).body();
        assertThat(contract).contains("id=\"contract-tender\"", "/tenders/" + tenderId, "来自投标评审");
        assertThat(page.get("/tenders").body()).contains("LHZB-2026-112", "中标", "不投标", "评审中");
    }
}
