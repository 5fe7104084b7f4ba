package com.careloop.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import com.careloop.servicedesk.RequestType;
import com.careloop.servicedesk.ServiceRequestRegistered;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/** Complaints over HTTP: the whole journey, major notifications, repeats, the desk hand-over, bad input, refusals. */
class ComplaintApiTest extends ComplaintTestBase {

    static final String BASE = "/api/v1/complaints";

    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    com.careloop.complaint.handling.DeadlineScan scan;

    JsonNode receive(long customer, String product) {
        Response r = post(BASE, tokenFor("complaints"), j("{'customerId':" + customer + ",'channel':'PHONE',"
                + "'orderNumber':'HT-" + UUID.randomUUID().toString().substring(0, 4) + "','product':'" + product
                + "','content':'批次轴承异响，产线停机','requestedRemedy':'更换整批'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    JsonNode step(String user, long id, String action, String body) {
        Response r = post(BASE + "/" + id + "/" + action, tokenFor(user), body == null ? null : j(body));
        assertThat(r.status()).as(action + ": " + r.body()).isEqualTo(200);
        return r.json();
    }

    long notifications(String username, String titlePart) {
        return jdbc.sql("""
                select count(*) from notification n join app_user u on u.id = n.recipient_id
                where u.username = :u and n.title like :t""").param("u", username).param("t", "%" + titlePart + "%")
                .query(Long.class).single();
    }

    static List<String> kinds(JsonNode detail) {
        return detail.get("timeline").valueStream().map(e -> e.get("kind").asString()).toList();
    }

    @Test
    void theWholeJourneyWithAFailedVerificationOnce() {
        long id = receive(customer(), "ZX-" + UUID.randomUUID()).get("id").asLong();
        JsonNode d = get(BASE + "/" + id, tokenFor("complaints")).json();
        assertThat(d.get("code").asString()).matches("TS\\d{4}-\\d{6}");
        assertThat(d.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(d.get("requestedRemedy").asString()).isEqualTo("更换整批");
        step("complaints", id, "acknowledge", "{'promisedReplyBy':'2099-01-01T10:00:00+08:00'}");
        step("complaints", id, "assess", "{'category':'PRODUCT_QUALITY','severity':'GENERAL','departmentId':"
                + department("ENG") + "}");
        step("depthead", id, "investigate", "{'departmentId':" + department("ENG")
                + ",'causeCategory':'PROCESS','causeAnalysis':'装配扭矩不足'}");
        d = step("complaints", id, "corrective-actions", "{'description':'调整扭矩','owner':'staff','dueDate':'2099-01-10'}");
        capaActionsDone("complaints", d.get("capas").get(0).get("capaId").asLong());
        step("complaints", id, "communicate-decision", "{'how':'电话','what':'更换整批'}");
        d = step("supervisor", id, "verify", "{'result':'NOT_EFFECTIVE','countermeasure':'更换轴承供应商','owner':'teamleader'}");
        assertThat(d.get("status").asString()).isEqualTo("ACTION_TAKEN");
        capaActionsDone("supervisor", d.get("capas").get(1).get("capaId").asLong());
        step("complaints", id, "communicate-decision", "{'how':'邮件','what':'已更换供应商'}");
        step("supervisor", id, "verify", "{'result':'EFFECTIVE'}");
        step("quality", id, "confirm-quality", null);
        d = step("complaints", id, "close", null);
        assertThat(d.get("status").asString()).isEqualTo("CLOSED");
        assertThat(kinds(d)).startsWith("RECEIVED", "ACKNOWLEDGED", "ASSESSED", "INVESTIGATED").endsWith("QUALITY_CONFIRMED", "CLOSED");
        assertThat(d.get("qualityConfirmedBy").asString()).isEqualTo("quality");
        assertThat(get(BASE + "?status=CLOSED", tokenFor("gm")).json().get("items").valueStream()
                .anyMatch(r -> r.get("id").asLong() == id)).isTrue();
    }

    @Test
    void theBatchOfAQualityComplaintIsKeptAndTracesEveryComplaintAboutIt() {
        // 004-C2: from a complaint to every other complaint about the same batch, whichever customer made it
        String batch = "PH-" + UUID.randomUUID().toString().substring(0, 8);
        String body = "'channel':'PHONE','product':'五层瓦楞纸箱','content':'箱体受潮','batchNo':' " + batch + " '}";
        Response first = post(BASE, tokenFor("complaints"), j("{'customerId':" + customer() + "," + body));
        Response second = post(BASE, tokenFor("complaints"), j("{'customerId':" + customer() + "," + body));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(first.json().get("batchNo").asString()).isEqualTo(batch);
        long other = receive(customer(), "P-" + UUID.randomUUID()).get("id").asLong();
        List<Long> traced = get(BASE + "?batchNo=" + batch, tokenFor("complaints")).json().get("items").valueStream()
                .map(r -> r.get("id").asLong()).toList();
        assertThat(traced).containsExactlyInAnyOrder(first.json().get("id").asLong(), second.json().get("id").asLong())
                .doesNotContain(other);

        Response tooLong = post(BASE + "?lang=en", tokenFor("complaints"), j("{'customerId':" + customer()
                + ",'content':'x','batchNo':'" + "B".repeat(101) + "'}"));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.json().get("errors").get(0).get("field").asString()).isEqualTo("batchNo");
    }

    @Test
    void aStepOutOfOrderIs409NamingTheStateAndAStaleVersionIs409() {
        long id = receive(customer(), "P1").get("id").asLong();
        Response r = post(BASE + "/" + id + "/close", tokenFor("complaints"), null);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.body()).contains("RECEIVED");
        r = post(BASE + "/" + id + "/acknowledge", tokenFor("complaints"),
                j("{'promisedReplyBy':'2099-01-01T10:00:00+08:00','version':99}"));
        assertThat(r.status()).isEqualTo(409);
    }

    @Test
    void aMajorComplaintNotifiesQualityAndTheGeneralManager() {
        JsonNode c = receive(customer(), "M-" + UUID.randomUUID());
        long id = c.get("id").asLong();
        String code = c.get("code").asString();
        step("complaints", id, "acknowledge", "{'promisedReplyBy':'2099-01-01T10:00:00+08:00'}");
        step("complaints", id, "assess", "{'category':'PRODUCT_QUALITY','severity':'MAJOR'}");
        assertThat(notifications("quality", code)).isEqualTo(1);
        assertThat(notifications("gm", code)).isEqualTo(1);
        assertThat(notifications("staff", code)).isZero();
    }

    @Test
    void aSecondComplaintAboutTheSameProductIsFlaggedAndLinkedBothWays() {
        long customer = customer();
        String product = "R-" + UUID.randomUUID();
        long first = receive(customer, product).get("id").asLong();
        JsonNode second = receive(customer, product);
        assertThat(second.get("repeatOf").get("id").asLong()).isEqualTo(first);
        JsonNode earlier = get(BASE + "/" + first, tokenFor("complaints")).json();
        assertThat(earlier.get("repeatCount").asInt()).isEqualTo(1);
        assertThat(earlier.get("repeatedBy").get(0).get("id").asLong()).isEqualTo(second.get("id").asLong());
        assertThat(get(BASE + "?repeat=true&customerId=" + customer, tokenFor("complaints")).json().get("items").size())
                .isEqualTo(1);
        assertThat(receive(customer(), product).get("repeatOf").isNull()).isTrue();
    }

    @Test
    void aComplaintAtTheServiceDeskBecomesExactlyOneComplaint() throws Exception {
        long customer = customer();
        Response r = post("/api/v1/service-requests", tokenFor("frontdesk"), j("{'customerId':" + customer
                + ",'type':'COMPLAINT','title':'送货延误投诉','description':'三次延误','channel':'PHONE'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long requestId = r.json().get("id").asLong();
        String code = r.json().get("code").asString();
        awaitComplaintFor(requestId);
        // A re-delivered event finds the existing complaint.
        tx.executeWithoutResult(s -> publisher.publishEvent(
                new ServiceRequestRegistered(requestId, code, RequestType.COMPLAINT, customer, false, "客户", null, "送货延误投诉",
                        "三次延误", null, null)));
        Thread.sleep(1500);
        assertThat(countFor(requestId)).isEqualTo(1);
        JsonNode page = get(BASE + "?customerId=" + customer, tokenFor("complaints")).json();
        long id = page.get("items").get(0).get("id").asLong();
        JsonNode d = get(BASE + "/" + id, tokenFor("complaints")).json();
        assertThat(d.get("sourceRequestId").asLong()).isEqualTo(requestId);
        assertThat(d.get("channel").asString()).isEqualTo("SERVICE_DESK");
        assertThat(d.get("content").asString()).contains("送货延误投诉");
        assertThat(handOverPublications(code)).isEqualTo(2);

        // any other registration is not handed over: no publication for the hand-over listener, no complaint
        Response repair = post("/api/v1/service-requests", tokenFor("frontdesk"), j("{'customerId':" + customer
                + ",'type':'REPAIR','title':'报修','channel':'PHONE'}"));
        assertThat(repair.status()).as(repair.body()).isEqualTo(201);
        assertThat(handOverPublications(repair.json().get("code").asString())).isZero();
        assertThat(countFor(repair.json().get("id").asLong())).isZero();
    }

    private long handOverPublications(String requestCode) {
        return jdbc.sql("select count(*) from event_publication where listener_id like '%ServiceDeskHandOver%'"
                + " and serialized_event like :code").param("code", "%" + requestCode + "%").query(Long.class).single();
    }

    void awaitComplaintFor(long requestId) throws InterruptedException {
        for (int i = 0; i < 100 && countFor(requestId) == 0; i++) {
            Thread.sleep(100);
        }
        assertThat(countFor(requestId)).isEqualTo(1);
    }

    long countFor(long requestId) {
        return jdbc.sql("select count(*) from complaint where source_request_id = :id").param("id", requestId)
                .query(Long.class).single();
    }

    @Test
    void theScanWarnsAndEscalatesEachOnce() {
        long id = receive(customer(), "S-" + UUID.randomUUID()).get("id").asLong();
        java.time.Instant later = java.time.Instant.now().plus(java.time.Duration.ofHours(25));
        scan.scan(later);
        List<String> keys = jdbc.sql("select alert_key from complaint_alert where complaint_id = :id order by alert_key")
                .param("id", id).query(String.class).list();
        assertThat(keys).contains("ACKNOWLEDGE_BREACH", "ACKNOWLEDGE_WARN");
        long sent = jdbc.sql("select count(*) from notification where link = :l").param("l", "/complaints/" + id)
                .query(Long.class).single();
        assertThat(sent).isPositive();
        scan.scan(later);
        assertThat(jdbc.sql("select count(*) from notification where link = :l").param("l", "/complaints/" + id)
                .query(Long.class).single()).isEqualTo(sent);
    }

    @Test
    void badInputNamesTheField() {
        Response r = post(BASE, tokenFor("complaints"), j("{'customerId':" + customer() + ",'content':''}"));
        assertThat(r.status()).isIn(400, 422);
        assertThat(r.body()).contains("content");
        r = post(BASE, tokenFor("complaints"), j("{'customerId':999999999,'content':'x'}"));
        assertThat(r.status()).isIn(400, 422);
        assertThat(r.body()).contains("customerId");
        long id = receive(customer(), "B").get("id").asLong();
        r = post(BASE + "/" + id + "/acknowledge", tokenFor("complaints"), j("{'promisedReplyBy':'2001-01-01T10:00:00+08:00'}"));
        assertThat(r.status()).isIn(400, 422);
        assertThat(r.body()).contains("promisedReplyBy");
        assertThat(get(BASE + "/999999999", tokenFor("complaints")).status()).isEqualTo(404);
    }

    @Test
    void onlyTheQualityManagerConfirmsAndStaffCannotReceive() {
        long id = receive(customer(), "Q").get("id").asLong();
        assertThat(post(BASE + "/" + id + "/confirm-quality", tokenFor("complaints"), null).status()).isEqualTo(403);
        assertThat(post(BASE + "/" + id + "/confirm-quality", tokenFor("quality"), null).status()).isEqualTo(409);
        assertThat(post(BASE, tokenFor("staff"), j("{'customerId':1,'content':'x'}")).status()).isEqualTo(403);
        assertThat(post(BASE + "/" + id + "/assess", tokenFor("quality"),
                j("{'category':'OTHER','severity':'GENERAL'}")).status()).isEqualTo(403);
    }

    @Test
    void aReplayedReceiptWithTheSameIdempotencyKeyCreatesNothingNew() {
        long customer = customer();
        String body = j("{'customerId':" + customer + ",'content':'重复提交'}");
        String key = UUID.randomUUID().toString();
        Response first = post(BASE, tokenFor("complaints"), body, "Idempotency-Key", key);
        Response replay = post(BASE, tokenFor("complaints"), body, "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
        assertThat(jdbc.sql("select count(*) from complaint where customer_id = :c").param("c", customer)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theKeywordFindsAPartOfTheProductOrContentAndWildcardsAreLiteral() {
        String product = "键搜-" + UUID.randomUUID().toString().substring(0, 8);
        long id = receive(customer(), product).get("id").asLong();
        List<Long> byProduct = get(BASE + "?q=" + java.net.URLEncoder.encode(product.substring(3), java.nio.charset.StandardCharsets.UTF_8),
                tokenFor("complaints")).json().get("items").valueStream().map(r -> r.get("id").asLong()).toList();
        assertThat(byProduct).containsExactly(id);
        List<Long> byContent = get(BASE + "?q=" + java.net.URLEncoder.encode("轴承异响", java.nio.charset.StandardCharsets.UTF_8)
                + "&limit=200", tokenFor("complaints")).json().get("items").valueStream().map(r -> r.get("id").asLong()).toList();
        assertThat(byContent).contains(id);
        // "%" is a character to find, not "anything": no complaint contains it
        assertThat(get(BASE + "?q=%25", tokenFor("complaints")).json().get("items").size()).isZero();
        Response tooLong = get(BASE + "?q=" + "x".repeat(101), tokenFor("complaints"));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.body()).contains("q").contains("max-length");
    }
}
