package com.careloop.property;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.careloop.platform.Text;
import com.careloop.platform.Texts;
import com.careloop.support.ApiTestBase;
import com.careloop.support.PageSession;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Customer documents under document control (ISO 9001 7.5.3, 004-C4) and the consent on hand-overs (004-C3), over HTTP
 * (H2 and PostgreSQL): a revision withdrawn with a reason (once, not stale, reason required), the next revision
 * superseding the one in use, a superseded or withdrawn revision not distributed again; each department holding a copy
 * confirms its receipt and, once the revision is obsolete, its return or destruction — once, only by its own members,
 * told in the platform notifications and listed in its work; a hand-over for another purpose only against a consent.
 */
class PropertyRevisionControlApiTest extends ApiTestBase {

    static final String BASE = "/api/v1/customer-properties";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Texts texts;

    long department(String code) {
        return jdbc.sql("select id from department where code = :c").param("c", code).query(Long.class).single();
    }

    long customer() {
        Response r = post("/api/v1/customers", tokenFor("manager"), j("{'name':'受控文件客户"
                + UUID.randomUUID().toString().substring(0, 6) + "','kind':'ORGANISATION','phone':'139"
                + String.format("%08d", (long) (Math.random() * 100_000_000L)) + "'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    static String today(int plusDays) {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(plusDays).toString();
    }

    JsonNode step(String user, String path, String body) {
        Response r = post(BASE + path, tokenFor(user), body == null ? null : j(body));
        assertThat(r.status()).as(path + ": " + r.body()).isIn(200, 201);
        return r.json();
    }

    void refused(Response r, int status, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        if (field != null) {
            assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        }
    }

    JsonNode drawing(long customer) {
        Response r = post(BASE, tokenFor("manager"), j("{'customerId':" + customer + ",'kind':'DRAWING_SPEC',"
                + "'itemName':'瓶盖图纸','spec':'HS-D-9','quantity':1,'unit':'份','receivedOn':'" + today(-30)
                + "','receiverName':'王丽华'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    static JsonNode revision(JsonNode item, String rev) {
        return item.get("revisions").valueStream().filter(r -> r.get("revision").asString().equals(rev)).findFirst()
                .orElseThrow();
    }

    static JsonNode ack(JsonNode revision, String kind, long department) {
        return revision.get("acknowledgements").valueStream().filter(a -> a.get("kind").asString().equals(kind)
                && a.get("departmentId").asLong() == department).findFirst().orElseThrow();
    }

    /** The notifications of this title code about this item, by recipient's user name. */
    List<String> told(String titleCode, String itemCode) {
        return jdbc.sql("select u.username from notification n join app_user u on u.id = n.recipient_id"
                        + " where n.title_text like :code and n.title_text like :item order by u.username")
                .param("code", "%" + titleCode + "%").param("item", "%" + itemCode + "%").query(String.class).list();
    }

    List<Long> outstanding(String user, long itemId) {
        Response r = get(BASE + "/confirmations", tokenFor(user));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().valueStream().filter(a -> a.get("itemId").asLong() == itemId).map(a -> a.get("id").asLong())
                .toList();
    }

    /** A drawing with revision A (issued 20 days ago, received {@code receivedDaysAgo} ago) copied to QA and ENG. */
    JsonNode drawingWithRevisionA(int receivedDaysAgo) {
        JsonNode d = drawing(customer());
        return step("manager", "/" + d.get("id").asLong() + "/revisions", "{'revision':'A','issuedOn':'" + today(-20)
                + "','receivedOn':'" + today(-receivedDaysAgo) + "','distributionDepartmentIds':[" + department("QA")
                + "," + department("ENG") + "]}");
    }

    @Test
    void eachDepartmentConfirmsItsCopyOnceOnlyItsOwnMembersAndTheItemShowsWhoIsOutstanding() {
        JsonNode a = drawingWithRevisionA(0);
        long id = a.get("id").asLong();
        String code = a.get("code").asString();
        long qa = department("QA"), eng = department("ENG");
        JsonNode revA = revision(a, "A");
        long revAId = revA.get("id").asLong();
        JsonNode qaReceipt = ack(revA, "RECEIPT", qa);
        JsonNode engReceipt = ack(revA, "RECEIPT", eng);
        assertThat(qaReceipt.get("outstanding").asBoolean()).isTrue();
        assertThat(revA.get("acknowledgements")).as("one receipt per department holding a copy").hasSize(2);
        // the departments' members are told, by the item's number and the revision
        assertThat(told("property.notify.copy.receipt.title", code)).contains("quality", "depthead");
        String stored = jdbc.sql("select title_text from notification n join app_user u on u.id = n.recipient_id"
                + " where u.username = 'depthead' and n.title_text like :item order by n.id desc limit 1")
                .param("item", "%" + code + "%").query(String.class).single();
        assertThat(texts.render(Text.fromJson(stored), Locale.ENGLISH)).as("rendered in the reader's language")
                .isEqualTo("Please confirm receipt of controlled document " + code + ", revision A");
        assertThat(texts.render(Text.fromJson(stored), Locale.TRADITIONAL_CHINESE)).contains("請確認收到");
        // each department's list and work show it
        assertThat(outstanding("quality", id)).containsExactly(qaReceipt.get("id").asLong());
        assertThat(outstanding("depthead", id)).containsExactly(engReceipt.get("id").asLong());
        assertThat(jdbc.sql("select count(*) from customer_property_copy_ack where department_id = :d and confirmed_at"
                + " is null and item_id = :i").param("d", qa).param("i", id).query(Long.class).single()).isEqualTo(1);
        String confirmQa = BASE + "/" + id + "/revisions/" + revAId + "/confirmations/" + qaReceipt.get("id").asLong();
        // someone of another department cannot confirm for QA
        refused(post(confirmQa, tokenFor("depthead"), "{}"), 403, null);
        refused(post(confirmQa, tokenFor("sales"), "{}"), 403, null);
        Response confirmed = post(confirmQa, tokenFor("quality"), j("{'note':'已存入质量部文件柜'}"));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("outstanding").asBoolean()).isFalse();
        assertThat(confirmed.json().get("confirmedBy").asString()).isEqualTo("周卫东");
        assertThat(confirmed.json().get("confirmedAt").asString()).as("company time").endsWith("+08:00");
        // confirmed once
        Response twice = post(confirmQa, tokenFor("quality"), "{}");
        assertThat(twice.status()).as(twice.body()).isEqualTo(409);
        assertThat(outstanding("quality", id)).isEmpty();
        // the item shows who confirmed and who is outstanding
        JsonNode item = get(BASE + "/" + id, tokenFor("manager")).json();
        JsonNode rev = revision(item, "A");
        assertThat(ack(rev, "RECEIPT", qa).get("confirmedBy").asString()).isEqualTo("周卫东");
        assertThat(ack(rev, "RECEIPT", qa).get("note").asString()).isEqualTo("已存入质量部文件柜");
        assertThat(ack(rev, "RECEIPT", eng).get("outstanding").asBoolean()).isTrue();
        assertThat(item.get("timeline").valueStream().map(e -> e.get("kind").asString()).toList())
                .contains("COPY_RECEIVED");
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'customer-property' and record_id = :id"
                + " and action = 'CONFIRM_COPY_RECEIPT'").param("id", String.valueOf(id)).query(Long.class).single())
                .isEqualTo(1);
        // another department's list only within the reader's scope: the engineering head does not see QA's
        assertThat(get(BASE + "/confirmations?departmentId=" + qa, tokenFor("depthead")).status()).isEqualTo(403);
        assertThat(get(BASE + "/confirmations?departmentId=" + eng, tokenFor("manager")).json().valueStream()
                .anyMatch(x -> x.get("itemId").asLong() == id)).as("the CS manager sees every department's").isTrue();

        // distributed to one more department: only it is asked
        long sales = department("SALES");
        JsonNode more = step("manager", "/" + id + "/revisions/" + revAId + "/distribution", "{'departmentIds':["
                + qa + "," + sales + "]}");
        assertThat(revision(more, "A").get("distributionDepartmentIds").valueStream().map(JsonNode::asLong).toList())
                .containsExactly(qa, eng, sales);
        assertThat(revision(more, "A").get("acknowledgements")).hasSize(3);
        assertThat(outstanding("sales", id)).hasSize(1);
        refused(post(BASE + "/" + id + "/revisions/" + revAId + "/distribution", tokenFor("manager"),
                j("{'departmentIds':[]}")), 422, "departmentIds");
        refused(post(BASE + "/" + id + "/revisions/" + revAId + "/distribution", tokenFor("manager"),
                j("{'departmentIds':[999999999]}")), 422, "departmentIds");
    }

    @Test
    void aNewRevisionSupersedesTheOneInUseAWithdrawnOneIsStruckAndTheHoldersConfirmReturningTheirCopies() {
        JsonNode a = drawingWithRevisionA(10);
        long id = a.get("id").asLong();
        String code = a.get("code").asString();
        long qa = department("QA"), eng = department("ENG");
        long revAId = revision(a, "A").get("id").asLong();
        // B arrives: A is superseded automatically, its holders are to return or destroy their copies
        JsonNode b = step("manager", "/" + id + "/revisions", "{'revision':'B','issuedOn':'" + today(-2)
                + "','distributionDepartmentIds':[" + eng + "]}");
        JsonNode revA = revision(b, "A");
        assertThat(revA.get("current").asBoolean()).isFalse();
        assertThat(revA.get("endKind").asString()).isEqualTo("SUPERSEDED");
        assertThat(revA.get("supersededOn").asString()).isEqualTo(today(0));
        assertThat(ack(revA, "RETURN", qa).get("outstanding").asBoolean()).isTrue();
        assertThat(ack(revA, "RETURN", eng).get("outstanding").asBoolean()).isTrue();
        assertThat(told("property.notify.copy.return.title", code)).contains("quality", "depthead");
        long revBId = revision(b, "B").get("id").asLong();
        // a superseded revision is not distributed again
        Response again = post(BASE + "/" + id + "/revisions/" + revAId + "/distribution", tokenFor("manager"),
                j("{'departmentIds':[" + department("SALES") + "]}"));
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("property.revision-not-current");

        // B was wrong: withdrawn with a reason — the reason is required, a stale version refused
        long version = b.get("version").asLong();
        String withdrawB = BASE + "/" + id + "/revisions/" + revBId + "/withdrawal";
        refused(post(withdrawB, tokenFor("manager"), j("{'version':" + version + "}")), 422, "reason");
        refused(post(withdrawB, tokenFor("manager"), j("{'reason':'  ','version':" + version + "}")), 422, "reason");
        refused(post(withdrawB, tokenFor("manager"), j("{'reason':'顾客发错版本','version':" + (version - 1) + "}")),
                409, null);
        // no permission to withdraw without property:register
        assertThat(post(withdrawB, tokenFor("teamleader"), j("{'reason':'x'}")).status()).isEqualTo(403);
        JsonNode withdrawn = step("manager", "/" + id + "/revisions/" + revBId + "/withdrawal",
                "{'reason':'顾客发错版本，以 C 版为准','version':" + version + "}");
        JsonNode revB = revision(withdrawn, "B");
        assertThat(revB.get("current").asBoolean()).isFalse();
        assertThat(revB.get("endKind").asString()).isEqualTo("WITHDRAWN");
        assertThat(revB.get("withdrawnReason").asString()).isEqualTo("顾客发错版本，以 C 版为准");
        assertThat(revB.get("withdrawnBy").asString()).isEqualTo("王丽华");
        assertThat(ack(revB, "RETURN", eng).get("outstanding").asBoolean()).isTrue();
        assertThat(withdrawn.get("revisions").valueStream().noneMatch(r -> r.get("current").asBoolean()))
                .as("no revision in use until the customer sends the right one").isTrue();
        // twice -> 409; a withdrawn revision is not distributed again -> 409
        Response twice = post(withdrawB, tokenFor("manager"), j("{'reason':'再次收回'}"));
        assertThat(twice.status()).as(twice.body()).isEqualTo(409);
        assertThat(twice.json().get("code").asString()).isEqualTo("property.revision-withdrawn");
        assertThat(post(BASE + "/" + id + "/revisions/" + revBId + "/distribution", tokenFor("manager"),
                j("{'departmentIds':[" + qa + "]}")).status()).isEqualTo(409);
        // the superseded A can still be withdrawn (recalled) once: its holders were asked already, not again
        int returnsBefore = told("property.notify.copy.return.title", code).size();
        JsonNode recalled = step("manager", "/" + id + "/revisions/" + revAId + "/withdrawal",
                "{'reason':'旧版收回'}");
        assertThat(revision(recalled, "A").get("endKind").asString()).isEqualTo("WITHDRAWN");
        assertThat(revision(recalled, "A").get("supersededOn").asString()).as("keeps the day it ended")
                .isEqualTo(today(0));
        assertThat(revision(recalled, "A").get("acknowledgements").valueStream()
                .filter(x -> x.get("kind").asString().equals("RETURN")).count()).isEqualTo(2);
        assertThat(told("property.notify.copy.return.title", code)).hasSize(returnsBefore);
        // the engineering department confirms returning both copies; twice -> 409; QA cannot confirm for it
        JsonNode engReturnB = ack(revB, "RETURN", eng);
        String confirmB = BASE + "/" + id + "/revisions/" + revBId + "/confirmations/" + engReturnB.get("id").asLong();
        refused(post(confirmB, tokenFor("quality"), "{}"), 403, null);
        assertThat(post(confirmB, tokenFor("depthead"), j("{'note':'已销毁'}")).status()).isEqualTo(200);
        assertThat(post(confirmB, tokenFor("depthead"), "{}").status()).isEqualTo(409);
        JsonNode item = get(BASE + "/" + id, tokenFor("manager")).json();
        assertThat(ack(revision(item, "B"), "RETURN", eng).get("confirmedBy").asString()).isEqualTo("陈志强");
        assertThat(ack(revision(item, "A"), "RETURN", qa).get("outstanding").asBoolean()).isTrue();
        assertThat(item.get("timeline").valueStream().map(e -> e.get("kind").asString()).toList())
                .containsSubsequence("REVISION_RECEIVED", "REVISION_RECEIVED", "REVISION_WITHDRAWN",
                        "REVISION_WITHDRAWN", "COPY_RETURNED");
        // C arrives: nothing in use to supersede, B and A stay withdrawn
        JsonNode c = step("manager", "/" + id + "/revisions", "{'revision':'C','issuedOn':'" + today(-1) + "'}");
        assertThat(revision(c, "C").get("current").asBoolean()).isTrue();
        assertThat(revision(c, "B").get("endKind").asString()).isEqualTo("WITHDRAWN");

        // the item page: struck revisions with their state, who confirmed, who is outstanding; zh-CN, zh-TW, en
        PageSession s = new PageSession(port);
        s.login("manager", DEMO_PASSWORD);
        String page = s.get("/customer-properties/" + id).body();
        assertThat(page).contains("<s>B</s>").contains("<s>A</s>").contains("已收回作废").contains("顾客发错版本")
                .contains("交回/销毁副本").contains("已确认").contains("待确认").contains("class=\"withdraw-form\"")
                .doesNotContain("??");
        s.get("/?lang=zh-TW");
        assertThat(s.get("/customer-properties/" + id).body()).contains("已收回作廢").contains("待確認")
                .doesNotContain("??");
        s.get("/?lang=en");
        assertThat(s.get("/customer-properties/" + id).body()).contains("Withdrawn").contains("Outstanding")
                .doesNotContain("??");
        // the QA head's list page: the copy of A to return, confirmed from the list
        PageSession q = new PageSession(port);
        q.login("quality", DEMO_PASSWORD);
        long qaReturnA = ack(revision(item, "A"), "RETURN", qa).get("id").asLong();
        String list = q.get("/customer-properties/confirmations").body();
        assertThat(list).contains("id=\"confirmation-" + qaReturnA + "\"").contains(code).contains("交回/销毁副本")
                .doesNotContain("??");
        assertThat(q.get("/").body()).contains("待交回/销毁的作废文件副本");
        PageSession.Page done = q.post("/customer-properties/" + id + "/revisions/" + revAId + "/confirmations/"
                + qaReturnA + "?fromList=true", "note", "已交回");
        assertThat(done.status()).isEqualTo(302);
        assertThat(q.get("/customer-properties/confirmations").body()).doesNotContain("id=\"confirmation-" + qaReturnA
                + "\"");
        // twice through the page: a message, no 500
        PageSession.Page again2 = q.post("/customer-properties/" + id + "/revisions/" + revAId + "/confirmations/"
                + qaReturnA, "note", "");
        assertThat(again2.status()).isEqualTo(302);
        assertThat(q.get(again2.location().replaceFirst("^https?://[^/]+", "")).body()).contains("周卫东");
    }

    @Test
    void aHandOverForAnotherPurposeRestsOnARecordedConsentTheDesignatedUseNeedsNone() {
        long customer = customer();
        Response r = post(BASE, tokenFor("manager"), j("{'customerId':" + customer + ",'kind':'TOOLING',"
                + "'marking':'GL-0099 钢印','itemName':'瓶盖模具','quantity':1,'unit':'套','receivedOn':'" + today(0)
                + "','receiverName':'王丽华','designatedUse':'生产该顾客的瓶盖订单','handedToDepartmentId':" + department("CS")
                + "}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        long eng = department("ENG"), prod = department("PROD");
        // another purpose without a consent: 422 naming consentId, nothing saved
        long movements = jdbc.sql("select count(*) from customer_property_movement where item_id = :i").param("i", id)
                .query(Long.class).single();
        Response refused = post(BASE + "/" + id + "/hand-overs", tokenFor("manager"), j("{'toDepartmentId':" + eng
                + ",'purpose':'借给工程部试制其他产品'}"));
        refused(refused, 422, "consentId");
        assertThat(refused.json().get("errors").get(0).get("rule").asString()).isEqualTo("consent-required");
        assertThat(jdbc.sql("select count(*) from customer_property_movement where item_id = :i").param("i", id)
                .query(Long.class).single()).as("nothing half-written").isEqualTo(movements);
        // a consent of another item does not count
        Response other = post(BASE, tokenFor("manager"), j("{'customerId':" + customer + ",'kind':'TOOLING',"
                + "'marking':'GL-0100 钢印','itemName':'另一模具','quantity':1,'unit':'套','receivedOn':'" + today(0)
                + "','receiverName':'王丽华','handedToDepartmentId':" + department("CS") + "}"));
        long otherConsent = step("manager", "/" + other.json().get("id").asLong() + "/use-consents",
                "{'purpose':'试制','consentedBy':'顾客 李总','consentedOn':'" + today(0) + "'}")
                .get("useConsents").get(0).get("id").asLong();
        refused(post(BASE + "/" + id + "/hand-overs", tokenFor("manager"), j("{'toDepartmentId':" + eng
                + ",'purpose':'借给工程部试制其他产品','consentId':" + otherConsent + "}")), 422, "consentId");
        // for the designated use (or without a purpose) no consent is needed
        JsonNode designated = step("manager", "/" + id + "/hand-overs", "{'toDepartmentId':" + prod
                + ",'purpose':'生产该顾客的瓶盖订单'}");
        JsonNode pending = designated.get("movements").valueStream().filter(m -> m.get("pending").asBoolean())
                .findFirst().orElseThrow();
        assertThat(pending.get("purpose").isNull()).as("the designated use").isTrue();
        assertThat(pending.get("consentId").isNull()).isTrue();
        // another purpose with the customer's consent recorded on the item (the other item, no hand-over pending)
        JsonNode consent = step("manager", "/" + other.json().get("id").asLong() + "/use-consents",
                "{'purpose':'借给工程部试制','consentedBy':'顾客 李总','consentedOn':'" + today(0)
                        + "','reference':'邮件 2026-301'}");
        long consentId = consent.get("useConsents").get(1).get("id").asLong();
        JsonNode handed = step("manager", "/" + other.json().get("id").asLong() + "/hand-overs", "{'toDepartmentId':"
                + eng + ",'purpose':'借给工程部试制','consentId':" + consentId + "}");
        JsonNode m = handed.get("movements").valueStream().filter(x -> x.get("pending").asBoolean()).findFirst()
                .orElseThrow();
        assertThat(m.get("purpose").asString()).isEqualTo("借给工程部试制");
        assertThat(m.get("consentId").asLong()).isEqualTo(consentId);
        assertThat(handed.get("timeline").valueStream().map(e -> e.get("kind").asString()).toList())
                .containsSubsequence("USE_CONSENT", "HANDOVER_REQUESTED", "OTHER_USE");
        assertThat(handed.get("timeline").valueStream().filter(e -> e.get("kind").asString().equals("OTHER_USE"))
                .findFirst().orElseThrow().get("note").asString()).contains("借给工程部试制");
    }
}
