package com.careloop.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import com.careloop.servicedesk.ServiceRequestTurnedIntoComplaint;
import com.careloop.support.PageSession;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/**
 * The complaint loop over HTTP: the self-verification rule, the step forms of the complaint page (a refusal is a
 * readable message), and the desk's unsatisfied callback before close — re-open or turn into a complaint.
 */
class ComplaintLoopApiTest extends ComplaintTestBase {

    static final String BASE = "/api/v1/complaints";
    static final String DESK = "/api/v1/service-requests";

    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    TransactionTemplate tx;

    JsonNode call(String user, String path, String body) {
        Response r = post(path, tokenFor(user), body == null ? null : j(body));
        assertThat(r.status()).as(path + ": " + r.body()).isIn(200, 201);
        return r.json();
    }

    /** A complaint received, acknowledged, assessed, investigated by depthead, action by complaints, decision told. */
    long decided() {
        long id = call("complaints", BASE, "{'customerId':" + customer() + ",'product':'P-" + UUID.randomUUID()
                + "','content':'纸箱压痕'}").get("id").asLong();
        call("complaints", BASE + "/" + id + "/acknowledge", "{'promisedReplyBy':'2099-01-01T10:00:00+08:00'}");
        call("complaints", BASE + "/" + id + "/assess", "{'category':'PRODUCT_QUALITY','severity':'GENERAL','departmentId':"
                + department("ENG") + "}");
        call("depthead", BASE + "/" + id + "/investigate", "{'departmentId':" + department("ENG")
                + ",'causeCategory':'PROCESS','causeAnalysis':'压线深度偏大'}");
        call("complaints", BASE + "/" + id + "/corrective-actions", "{'description':'调整压线模具','owner':'staff','dueDate':'2099-01-10'}");
        call("complaints", BASE + "/" + id + "/communicate-decision", "{'how':'电话','what':'补发一批'}");
        return id;
    }

    static List<String> timeline(JsonNode complaint) {
        return complaint.get("timeline").valueStream().map(e -> e.get("kind").asString()).toList();
    }

    /**
     * The Done-when journey via the API: receipt to closure with a CAPA whose complaint verification fails once
     * and then passes; close refused (capa-actions-done) while a CAPA's actions are open; after close the CAPA's
     * own effectiveness check fails, re-opens it and is shown on the complaint (timeline + banner); a second
     * complaint of the customer about the product is a repeat; the printable form shows every field.
     */
    @Test
    void fromReceiptToClosureWithACapaThatFailsVerificationOnceAndReopensAfterClose() throws Exception {
        long customer = customer();
        String product = "瓦楞纸箱 K-" + UUID.randomUUID().toString().substring(0, 6);
        JsonNode d = call("complaints", BASE, "{'customerId':" + customer + ",'channel':'PHONE','orderNumber':'HT-88',"
                + "'product':'" + product + "','content':'纸箱受潮塌陷','requestedRemedy':'退换整批'}");
        long id = d.get("id").asLong();
        String code = d.get("code").asString();
        call("complaints", BASE + "/" + id + "/acknowledge", "{'promisedReplyBy':'2099-01-01T10:00:00+08:00'}");
        call("complaints", BASE + "/" + id + "/assess", "{'category':'PRODUCT_QUALITY','severity':'MAJOR','departmentId':"
                + department("ENG") + "}");
        call("depthead", BASE + "/" + id + "/investigate", "{'departmentId':" + department("ENG")
                + ",'causeCategory':'STORAGE','causeAnalysis':'成品仓返潮'}");
        d = call("complaints", BASE + "/" + id + "/corrective-actions",
                "{'description':'全部加垫托盘','ownerUserId':" + userId("staff") + ",'dueDate':'2099-01-10'}");
        assertThat(d.get("status").asString()).isEqualTo("ACTION_TAKEN");
        JsonNode link = d.get("capas").get(0);
        long first = link.get("capaId").asLong();
        assertThat(link.get("status").asString()).isEqualTo("OPEN");
        assertThat(link.get("allActionsDone").asBoolean()).isFalse();
        JsonNode capa = get(CAPA + "/" + first, tokenFor("complaints")).json();
        assertThat(capa.get("sources").get(0).get("sourceType").asString()).isEqualTo("COMPLAINT");
        assertThat(capa.get("sources").get(0).get("sourceCode").asString()).isEqualTo(code);
        assertThat(capa.get("problem").asString()).contains("纸箱受潮塌陷").contains("成品仓返潮");
        assertThat(capa.get("departmentId").asLong()).isEqualTo(department("ENG"));
        assertThat(capa.get("actions").get(0).get("ownerId").asLong()).isEqualTo(userId("staff"));
        assertThat(capa.get("actions").get(0).get("dueDate").asString()).isEqualTo("2099-01-10");
        capaActionsDone("complaints", first);
        call("complaints", BASE + "/" + id + "/communicate-decision", "{'how':'电话','what':'补发'}");
        d = call("supervisor", BASE + "/" + id + "/verify", "{'result':'NOT_EFFECTIVE','countermeasure':'改用防潮纸板',"
                + "'ownerUserId':" + userId("teamleader") + ",'dueDate':'2099-01-20'}");
        assertThat(d.get("status").asString()).isEqualTo("ACTION_TAKEN");
        assertThat(d.get("capas").size()).isEqualTo(2);
        long second = d.get("capas").get(1).get("capaId").asLong();
        assertThat(d.get("capas").get(1).get("fromVerification").asBoolean()).isTrue();
        call("complaints", BASE + "/" + id + "/communicate-decision", "{'how':'邮件','what':'已改用防潮纸板'}");
        // verified before the second CAPA's action is done: allowed with the recorded reason
        call("supervisor", BASE + "/" + id + "/verify", "{'result':'EFFECTIVE','earlyReason':'顾客已确认改善，措施仍在落实'}");
        call("quality", BASE + "/" + id + "/confirm-quality", null);
        // The second CAPA's action is still open: close refused naming the rule, nothing changes.
        Response refused = post(BASE + "/" + id + "/close", tokenFor("complaints"), null);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("complaint.capa-actions-done");
        assertThat(refused.json().get("rule").asString()).isEqualTo("capa-actions-done");
        assertThat(refused.body()).contains(d.get("capas").get(1).get("code").asString());
        assertThat(get(BASE + "/" + id, tokenFor("complaints")).json().get("status").asString()).isEqualTo("QUALITY_CONFIRMED");
        capaActionsDone("supervisor", second);
        d = call("complaints", BASE + "/" + id + "/close", null);
        assertThat(d.get("status").asString()).isEqualTo("CLOSED");
        assertThat(d.get("capas").get(1).get("allActionsDone").asBoolean()).isTrue();

        // The CAPA's longer effectiveness check goes on after close; a failed one re-opens it and shows here.
        Response start = post(CAPA + "/" + first + "/start-verification", tokenFor("complaints"), null);
        assertThat(start.status()).as(start.body()).isEqualTo(200);
        Response check = post(CAPA + "/" + first + "/effectiveness-checks", tokenFor("complaints"),
                j("{'effective':false,'evidence':'三个月后复检又有塌陷'}"));
        assertThat(check.status()).as(check.body()).isEqualTo(200);
        JsonNode after = null;
        for (int i = 0; i < 100; i++) {
            after = get(BASE + "/" + id, tokenFor("complaints")).json();
            if (!after.get("capaReopenedAt").isNull() && timeline(after).contains("CAPA_VERIFIED")) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(after.get("capaReopenedAt").isNull()).as("banner: CAPA re-opened after close").isFalse();
        assertThat(after.get("capaReopenNote").asString()).contains("三个月后复检又有塌陷");
        List<String> kinds = timeline(after);
        assertThat(kinds.subList(kinds.size() - 3, kinds.size())).as("both after close, in the order they arrived")
                .startsWith("CLOSED").containsExactlyInAnyOrder("CLOSED", "CAPA_VERIFIED", "CAPA_REOPENED");
        assertThat(after.get("capas").get(0).get("reopenCount").asInt()).isEqualTo(1);
        assertThat(after.get("status").asString()).isEqualTo("CLOSED");
        Thread.sleep(1000);
        assertThat(timeline(get(BASE + "/" + id, tokenFor("complaints")).json()).stream()
                .filter("CAPA_REOPENED"::equals).count()).isEqualTo(1);

        // The printable form shows the linked CAPAs and every field; a second complaint is a repeat.
        PageSession s = new PageSession(port);
        s.login("complaints", DEMO_PASSWORD);
        String form = s.get("/complaints/" + id + "/form").body();
        assertThat(form).contains(code, "HT-88", product, "纸箱受潮塌陷", "成品仓返潮", "全部加垫托盘", "改用防潮纸板",
                d.get("capas").get(0).get("code").asString(), "李明", "周卫东").doesNotContain("??");
        assertThat(s.get("/complaints/" + id).body()).contains("id=\"capa-reopened-banner\"");
        JsonNode repeat = call("complaints", BASE, "{'customerId':" + customer + ",'product':'" + product
                + "','content':'又塌了'}");
        assertThat(repeat.get("repeatOf").get("id").asLong()).isEqualTo(id);
        assertThat(get(BASE + "/" + id, tokenFor("complaints")).json().get("repeatCount").asInt()).isEqualTo(1);
    }

    long userId(String username) {
        return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
    }

    @Test
    void aHandlerMayNotVerifyTheComplaintNamingTheRule() {
        long id = decided();
        for (String handler : List.of("complaints", "depthead")) {
            Response r = post(BASE + "/" + id + "/verify", tokenFor(handler), j("{'result':'EFFECTIVE'}"));
            if (handler.equals("depthead")) {
                assertThat(r.status()).as("depthead lacks complaint:handle").isEqualTo(403);
                continue;
            }
            assertThat(r.status()).as(r.body()).isEqualTo(422);
            JsonNode error = r.json().get("errors").get(0);
            assertThat(error.get("field").asString()).isEqualTo("verifier");
            assertThat(error.get("rule").asString()).isEqualTo("not-handler");
        }
        JsonNode d = get(BASE + "/" + id, tokenFor("complaints")).json();
        assertThat(d.get("status").asString()).as("nothing half-saved").isEqualTo("DECISION_COMMUNICATED");
        assertThat(d.get("verification").isNull()).isTrue();
        d = call("supervisor", BASE + "/" + id + "/verify", "{'result':'EFFECTIVE','earlyReason':'顾客已确认'}");
        assertThat(d.get("status").asString()).isEqualTo("VERIFIED");
        assertThat(d.get("verifiedBy").asString()).isEqualTo("supervisor");
    }

    @Test
    void theStepFormsRunTheProcedureAndARefusalIsAReadableMessage() {
        long id = call("complaints", BASE, "{'customerId':" + customer() + ",'content':'送货迟到两天'}").get("id").asLong();
        PageSession s = new PageSession(port);
        s.login("complaints", DEMO_PASSWORD);
        PageSession.Page page = s.get("/complaints/" + id);
        assertThat(page.body()).contains("id=\"acknowledge-form\"").doesNotContain("id=\"assess-form\"")
                .doesNotContain("id=\"close-form\"");
        // Out of order: close a RECEIVED complaint -> back on the page with the reason, nothing changed.
        PageSession.Page refused = s.post("/complaints/" + id + "/close", "version", "0");
        assertThat(refused.location()).endsWith("/complaints/" + id);
        assertThat(s.get("/complaints/" + id).body()).contains("role=\"alert\"").contains("投诉当前状态为「已受理」")
                .doesNotContain("Exception");
        PageSession.Page done = s.post("/complaints/" + id + "/acknowledge", "promisedReplyBy", "2099-01-01T10:00",
                "version", "0");
        assertThat(done.location()).endsWith("/complaints/" + id);
        page = s.get("/complaints/" + id);
        assertThat(page.body()).contains("id=\"assess-form\"").doesNotContain("id=\"acknowledge-form\"");
        assertThat(get(BASE + "/" + id, tokenFor("complaints")).json().get("status").asString()).isEqualTo("ACKNOWLEDGED");
        // A stale version (the form of an older page) is refused with a message too.
        s.post("/complaints/" + id + "/assess", "category", "PRODUCT_QUALITY", "severity", "GENERAL", "version", "0");
        assertThat(s.get("/complaints/" + id).body()).contains("role=\"alert\"");
        assertThat(get(BASE + "/" + id, tokenFor("complaints")).json().get("status").asString()).isEqualTo("ACKNOWLEDGED");
        // The new-complaint page receives a complaint for the chosen customer.
        long customer = customer();
        assertThat(s.get("/complaints/new").body()).contains("id=\"complaint-new-form\"");
        PageSession.Page created = s.post("/complaints/new", "customerId", String.valueOf(customer), "channel", "VISIT",
                "orderNumber", "HT-2026-18", "product", "五层瓦楞纸箱", "content", "箱体受潮塌陷", "requestedRemedy", "退货");
        assertThat(created.location()).contains("/complaints/");
        JsonNode list = get(BASE + "?customerId=" + customer, tokenFor("complaints")).json().get("items");
        assertThat(list.size()).isEqualTo(1);
        JsonNode d = get(BASE + "/" + list.get(0).get("id").asLong(), tokenFor("complaints")).json();
        assertThat(d.get("channel").asString()).isEqualTo("VISIT");
        assertThat(d.get("orderNumber").asString()).isEqualTo("HT-2026-18");
        assertThat(d.get("requestedRemedy").asString()).isEqualTo("退货");
        // Without content nothing is saved and the form says why.
        PageSession.Page bad = s.post("/complaints/new", "customerId", String.valueOf(customer), "channel", "VISIT",
                "content", "");
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("content").contains("role=\"alert\"");
        assertThat(get(BASE + "?customerId=" + customer, tokenFor("complaints")).json().get("items").size()).isEqualTo(1);
    }

    // ---- 销单: an unsatisfied callback re-opens the request or turns it into a complaint ---------------------

    long completedRepair(long customer, long category, String title) {
        long id = call("frontdesk", DESK, "{'customerId':" + customer + ",'type':'REPAIR','title':'" + title
                + "','description':'空调不制冷','channel':'PHONE','categoryId':" + category + "}").get("id").asLong();
        call("frontdesk", DESK + "/" + id + "/dispatch", "{'departmentId':" + department("ENG-REPAIR") + "}");
        call("teamleader", DESK + "/" + id + "/start", null);
        call("teamleader", DESK + "/" + id + "/complete", "{'result':'已加氟'}");
        return id;
    }

    static List<String> kinds(JsonNode detail) {
        return detail.get("timeline").valueStream().map(e -> e.get("kind").asString()).toList();
    }

    long complaintsFor(long requestId) {
        return jdbc.sql("select count(*) from complaint where source_request_id = :id").param("id", requestId)
                .query(Long.class).single();
    }

    @Test
    void anUnsatisfiedCallbackReOpensTheRequestOrTurnsItIntoAComplaint() throws Exception {
        String name = "转投诉" + UUID.randomUUID().toString().substring(0, 6);
        long category = call("manager", "/api/v1/service-categories", "{'code':'" + name + "','name':'" + name + "'}")
                .get("id").asLong();
        long customer = customer();
        // Choice 1: re-open (the existing answer).
        long reopened = completedRepair(customer, category, "空调维修A");
        JsonNode r = call("supervisor", DESK + "/" + reopened + "/callback",
                "{'satisfaction':'DISSATISFIED','notes':'仍不制冷','followUp':'REOPEN'}");
        assertThat(r.get("status").asString()).isEqualTo("DISPATCHED");
        assertThat(r.get("reopenCount").asInt()).isEqualTo(1);
        // Choice 2: turn into a complaint.
        long turned = completedRepair(customer, category, "空调维修B");
        r = call("supervisor", DESK + "/" + turned + "/callback",
                "{'satisfaction':'DISSATISFIED','notes':'第三次维修仍不制冷，要求投诉','followUp':'COMPLAINT'}");
        assertThat(r.get("status").asString()).isEqualTo("CLOSED");
        assertThat(r.get("reopenCount").asInt()).as("counted as re-opened / unsatisfied").isEqualTo(1);
        assertThat(r.get("turnedIntoComplaintAt").isNull()).isFalse();
        assertThat(kinds(r)).endsWith("COMPLETED", "CALLED_BACK", "TURNED_INTO_COMPLAINT");
        assertThat(r.get("callback").get("satisfaction").asString()).isEqualTo("DISSATISFIED");

        JsonNode request = awaitLinked(turned);
        long complaintId = request.get("complaintId").asLong();
        assertThat(kinds(request)).endsWith("TURNED_INTO_COMPLAINT", "COMPLAINT_LINKED");
        JsonNode complaint = get(BASE + "/" + complaintId, tokenFor("complaints")).json();
        assertThat(complaint.get("sourceRequestId").asLong()).isEqualTo(turned);
        assertThat(complaint.get("channel").asString()).isEqualTo("SERVICE_DESK");
        assertThat(complaint.get("customerId").asLong()).isEqualTo(customer);
        assertThat(complaint.get("content").asString()).contains("空调维修B").contains("第三次维修仍不制冷");
        assertThat(request.get("complaintCode").asString()).isEqualTo(complaint.get("code").asString());
        assertThat(complaintsFor(reopened)).isZero();

        // A redelivered event finds the complaint it already became.
        String code = request.get("code").asString();
        tx.executeWithoutResult(s -> publisher.publishEvent(new ServiceRequestTurnedIntoComplaint(turned, code, customer,
                "x", null, false, "空调维修B", null, null, null, null)));
        Thread.sleep(1500);
        assertThat(complaintsFor(turned)).isEqualTo(1);

        // Both count in the desk statistics as re-opened.
        JsonNode stats = get(DESK + "/statistics?groupBy=CATEGORY", tokenFor("manager")).json();
        JsonNode row = stats.valueStream().filter(n -> !n.get("key").isNull() && name.equals(n.get("key").asString()))
                .findFirst().orElseThrow();
        assertThat(row.get("count").asLong()).isEqualTo(2);
        assertThat(row.get("reopenRate").asDouble()).isEqualTo(1.0);

        // The request page links to the complaint.
        PageSession s = new PageSession(port);
        s.login("supervisor", DEMO_PASSWORD);
        assertThat(s.get("/service-requests/" + turned).body()).contains("id=\"complaint-link\"")
                .contains("/complaints/" + complaintId);
        // A complaint-type request or one already closed cannot be turned again.
        Response again = post(DESK + "/" + turned + "/callback", tokenFor("supervisor"),
                j("{'satisfaction':'DISSATISFIED','followUp':'COMPLAINT'}"));
        assertThat(again.status()).isEqualTo(409);
    }

    JsonNode awaitLinked(long requestId) throws InterruptedException {
        JsonNode d = null;
        for (int i = 0; i < 100; i++) {
            d = get(DESK + "/" + requestId, tokenFor("supervisor")).json();
            if (!d.get("complaintId").isNull()) {
                return d;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the request was not linked to its complaint: " + d);
    }

    // ---- verification after the corrective actions; the next step on the page ------------------

    @Test
    void effectivenessIsVerifiedAfterTheCorrectiveActionsOrWithARecordedReason() {
        long id = decided(); // its CAPA's action is still open
        String capaCode = get(BASE + "/" + id, tokenFor("complaints")).json().get("capas").get(0).get("code").asString();
        Response refused = post(BASE + "/" + id + "/verify", tokenFor("supervisor"), j("{'result':'EFFECTIVE'}"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        JsonNode error = refused.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("earlyReason");
        assertThat(error.get("rule").asString()).isEqualTo("actions-done");
        assertThat(error.get("message").asString()).contains(capaCode);
        assertThat(get(BASE + "/" + id, tokenFor("complaints")).json().get("status").asString())
                .as("nothing half-saved").isEqualTo("DECISION_COMMUNICATED");

        PageSession s = new PageSession(port);
        s.login("supervisor", DEMO_PASSWORD);
        assertThat(s.get("/complaints/" + id).body()).contains("id=\"next-step-waiting\"")
                .contains("等待 " + capaCode + " 的措施完成").contains("id=\"verify-early-reason\"");

        JsonNode d = call("supervisor", BASE + "/" + id + "/verify", "{'result':'EFFECTIVE','earlyReason':'顾客书面确认问题已解决'}");
        assertThat(d.get("status").asString()).isEqualTo("VERIFIED");
        assertThat(d.get("verifiedEarlyReason").asString()).isEqualTo("顾客书面确认问题已解决");
        assertThat(s.get("/complaints/" + id).body()).contains("等待品管经理确认").contains("顾客书面确认问题已解决")
                .doesNotContain("id=\"next-step-action\"");
        PageSession quality = new PageSession(port);
        quality.login("quality", DEMO_PASSWORD);
        assertThat(quality.get("/complaints/" + id).body()).contains("id=\"next-step-action\"").contains("href=\"#confirm-form\"");
    }

    @Test
    void afterTheActionsNoReasonIsNeededAndTheInvestigatorIsToldWhoVerifies() {
        long id = decided();
        capaActionsDone("complaints", get(BASE + "/" + id, tokenFor("complaints")).json().get("capas").get(0).get("capaId").asLong());
        PageSession handler = new PageSession(port);
        handler.login("complaints", DEMO_PASSWORD);
        assertThat(handler.get("/complaints/" + id).body()).contains("效果验证不能由调查人执行").doesNotContain("id=\"verify-early-reason\"");
        PageSession supervisor = new PageSession(port);
        supervisor.login("supervisor", DEMO_PASSWORD);
        supervisor.get("/?lang=en");
        assertThat(supervisor.get("/complaints/" + id).body()).contains("id=\"next-step-action\"").contains("href=\"#verify-form\"");
        JsonNode d = call("supervisor", BASE + "/" + id + "/verify", "{'result':'EFFECTIVE'}");
        assertThat(d.get("status").asString()).isEqualTo("VERIFIED");
        assertThat(d.get("verifiedEarlyReason").isNull()).isTrue();
    }

    @Test
    void peopleAndServiceAreCauseCategories() {
        long id = call("complaints", BASE, "{'customerId':" + customer() + ",'content':'维修人员态度差'}").get("id").asLong();
        call("complaints", BASE + "/" + id + "/acknowledge", "{'promisedReplyBy':'2099-01-01T10:00:00+08:00'}");
        call("complaints", BASE + "/" + id + "/assess", "{'category':'STAFF_ATTITUDE','severity':'GENERAL','departmentId':"
                + department("ENG") + ",'concernedEmployeeName':'维修工甲'}");
        JsonNode d = call("depthead", BASE + "/" + id + "/investigate", "{'departmentId':" + department("ENG")
                + ",'causeCategory':'PEOPLE','causeAnalysis':'未按服务规范沟通'}");
        assertThat(d.get("causeCategory").asString()).isEqualTo("PEOPLE");
        PageSession s = new PageSession(port);
        s.login("complaints", DEMO_PASSWORD);
        for (String[] lang : new String[][] {{"zh-CN", "人员", "服务"}, {"zh-TW", "人員", "服務"}, {"en", "People", "Service"}}) {
            s.get("/?lang=" + lang[0]);
            assertThat(s.get("/complaints/" + id).body()).contains(lang[1]).doesNotContain("??");
        }
        Response wrong = post(BASE + "/" + id + "/investigate", tokenFor("depthead"), j("{'departmentId':" + department("ENG")
                + ",'causeCategory':'ATTITUDE','causeAnalysis':'x'}"));
        assertThat(wrong.status()).isIn(400, 422);
    }
}
