package com.careloop.property;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import com.careloop.support.ApiTestBase;
import com.careloop.support.PageSession;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** The customer's decision on a problem report through the personal link, without login: once, until the last day. */
class PropertyLinkTest extends ApiTestBase {

    static final String BASE = "/api/v1/customer-properties";

    @Autowired
    JdbcClient jdbc;

    JsonNode problem() {
        Response c = post("/api/v1/customers", tokenFor("manager"), j("{'name':'链接客户" + UUID.randomUUID().toString()
                .substring(0, 6) + "','kind':'ORGANISATION','phone':'135" + String.format("%08d",
                (long) (Math.random() * 100_000_000L)) + "'}"));
        Response r = post(BASE, tokenFor("manager"), j("{'customerId':" + c.json().get("id").asLong()
                + ",'kind':'TOOLING','marking':'瓶盖钢印','itemName':'瓶盖模具','quantity':1,'unit':'套','receivedOn':'"
                + LocalDate.now(ZoneId.of("Asia/Shanghai")) + "','receiverName':'x'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        Response p = post(BASE + "/" + r.json().get("id").asLong() + "/problems", tokenFor("manager"),
                j("{'kind':'DAMAGE','description':'型腔边缘崩缺 2 mm','containment':'已停用并隔离'}"));
        assertThat(p.status()).as(p.body()).isEqualTo(201);
        return p.json();
    }

    static String path(String url) {
        return url.replaceAll("^https?://[^/]+", "");
    }

    @Test
    void theCustomerDecidesOnceThroughTheLinkWithoutLogin() {
        JsonNode problem = problem();
        long id = problem.get("id").asLong();
        Response link = post(BASE + "/problems/" + id + "/link", tokenFor("manager"), null);
        assertThat(link.status()).as(link.body()).isEqualTo(200);
        String url = link.json().get("url").asString();
        assertThat(url).contains("/public/property-problems/");
        assertThat(link.json().get("expiresOn").asString())
                .isEqualTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30).toString());
        String token = url.substring(url.lastIndexOf('/') + 1);
        assertThat(jdbc.sql("select count(*) from customer_link where token_hash = :t")
                .param("t", token).query(Long.class).single()).as("only the hash is stored").isZero();
        PageSession customer = new PageSession(port);
        PageSession.Page page = customer.get(path(url));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("瓶盖模具").contains("型腔边缘崩缺").contains("id=\"decision-form\"")
                .doesNotContain("??");
        assertThat(get(BASE + "/problems/" + id, tokenFor("manager")).json().get("decision").isNull())
                .as("opening the link changes nothing").isTrue();
        PageSession.Page sent = customer.post(path(url), "decision", "REPAIR", "note", "请修复后继续使用");
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.body()).contains("property-public-thanks");
        JsonNode decided = get(BASE + "/problems/" + id, tokenFor("manager")).json();
        assertThat(decided.get("decision").asString()).isEqualTo("REPAIR");
        assertThat(decided.get("decidedVia").asString()).isEqualTo("LINK");
        assertThat(decided.get("decisionNote").asString()).isEqualTo("请修复后继续使用");
        PageSession.Page again = customer.post(path(url), "decision", "SCRAP");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("property-public-answered");
        assertThat(get(BASE + "/problems/" + id, tokenFor("manager")).json().get("decision").asString())
                .isEqualTo("REPAIR");
        assertThat(post(BASE + "/problems/" + id + "/link", tokenFor("manager"), null).status())
                .as("no new link after the decision").isEqualTo(409);
    }

    @Test
    void anExpiredReplacedOrUnknownLinkRecordsNothing() {
        long id = problem().get("id").asLong();
        String first = post(BASE + "/problems/" + id + "/link", tokenFor("manager"), null).json().get("url").asString();
        String second = post(BASE + "/problems/" + id + "/link", tokenFor("manager"), null).json().get("url").asString();
        PageSession customer = new PageSession(port);
        PageSession.Page replaced = customer.get(path(first));
        assertThat(replaced.body()).as("the replaced link is dead").contains("property-public-expired")
                .doesNotContain("decision-form");
        assertThat(customer.get("/public/property-problems/not-a-token").status()).isEqualTo(404);
        // the form opened while the link was valid, sent after its last day
        assertThat(customer.get(path(second)).body()).contains("decision-form");
        jdbc.sql("update customer_link set expires_on = :d where purpose = 'customer-property-problem' and record_id = :id and revoked_at is null")
                .param("d", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1)).param("id", id).update();
        PageSession.Page expired = customer.get(path(second));
        assertThat(expired.body()).contains("property-public-expired").doesNotContain("decision-form");
        PageSession.Page late = customer.post(path(second), "decision", "RETURN");
        assertThat(late.status()).isEqualTo(409);
        assertThat(get(BASE + "/problems/" + id, tokenFor("manager")).json().get("decision").isNull()).isTrue();
        // no decision chosen: 422, nothing recorded
        jdbc.sql("update customer_link set expires_on = :d where purpose = 'customer-property-problem' and record_id = :id and revoked_at is null")
                .param("d", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1)).param("id", id).update();
        customer.get(path(second));
        PageSession.Page none = customer.post(path(second), "note", "x");
        assertThat(none.status()).isEqualTo(422);
        assertThat(get(BASE + "/problems/" + id, tokenFor("manager")).json().get("decision").isNull()).isTrue();
    }

    @Test
    void theLinkIsMailedToTheContactAndTheDecisionIsCarriedOutAsATrackedTask() {
        long id = problem().get("id").asLong();
        Response bad = post(BASE + "/problems/" + id + "/link", tokenFor("manager"), j("{'email':'not-an-address'}"));
        assertThat(bad.status()).isEqualTo(422);
        Response link = post(BASE + "/problems/" + id + "/link", tokenFor("manager"),
                j("{'email':'sqe@geely.example','language':'zh-TW'}"));
        assertThat(link.status()).as(link.body()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'customer-property-problem'"
                + " and record_id = :id and action = 'MAIL_CUSTOMER_LINK'").param("id", String.valueOf(id))
                .query(Long.class).single()).isEqualTo(1);
        // no task before the decision
        Response early = post(BASE + "/problems/" + id + "/task/done", tokenFor("manager"), j("{'note':'已修复'}"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("code").asString()).isEqualTo("property.task-state");
        String url = link.json().get("url").asString();
        PageSession customer = new PageSession(port);
        customer.get(path(url));
        assertThat(customer.post(path(url), "decision", "REPAIR", "note", "请修复").status()).isEqualTo(200);
        JsonNode p = get(BASE + "/problems/" + id, tokenFor("manager")).json();
        assertThat(p.get("status").asString()).isEqualTo("DECIDED");
        assertThat(p.get("taskDueOn").asString()).isGreaterThan(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
        assertThat(p.get("taskOverdue").asBoolean()).isFalse();
        // reassigned to the quality manager with a due day; a due day in the past is 422, nothing saved
        long quality = jdbc.sql("select id from app_user where username = 'quality'").query(Long.class).single();
        Response past = post(BASE + "/problems/" + id + "/task", tokenFor("manager"), j("{'ownerId':" + quality
                + ",'dueOn':'" + LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1) + "'}"));
        assertThat(past.status()).isEqualTo(422);
        assertThat(past.json().get("errors").get(0).get("field").asString()).isEqualTo("dueOn");
        String due = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(7).toString();
        p = post(BASE + "/problems/" + id + "/task", tokenFor("manager"), j("{'ownerId':" + quality + ",'dueOn':'"
                + due + "'}")).json();
        assertThat(p.get("taskOwnerId").asLong()).isEqualTo(quality);
        assertThat(p.get("taskDueOn").asString()).isEqualTo(due);
        assertThat(jdbc.sql("select count(*) from notification where recipient_id = :u and link = :l")
                .param("u", quality).param("l", "/customer-properties/" + p.get("itemId").asLong())
                .query(Long.class).single()).as("the new owner is told").isGreaterThanOrEqualTo(1);
        // done without saying what was done: 422; then done once
        Response noNote = post(BASE + "/problems/" + id + "/task/done", tokenFor("manager"), j("{}"));
        assertThat(noNote.status()).isEqualTo(422);
        assertThat(noNote.json().get("errors").get(0).get("field").asString()).isEqualTo("note");
        p = post(BASE + "/problems/" + id + "/task/done", tokenFor("manager"), j("{'note':'型腔补焊抛光，试模合格'}")).json();
        assertThat(p.get("status").asString()).isEqualTo("CARRIED_OUT");
        assertThat(p.get("taskDoneNote").asString()).isEqualTo("型腔补焊抛光，试模合格");
        assertThat(p.get("taskDoneOn").asString()).isEqualTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
        assertThat(post(BASE + "/problems/" + id + "/task/done", tokenFor("manager"), j("{'note':'again'}")).status())
                .isEqualTo(409);
    }
}
