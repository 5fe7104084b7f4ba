package com.careloop.property.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.Notifications;
import com.careloop.support.ApiTestBase;
import com.careloop.support.PageSession;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/**
 * The end of a sealed sample's keep period with an injected clock on the real database: the keeping department
 * (quality) is told 30 days before the keep-until date — not earlier, once, also when a second node runs the job —
 * and sees the sample on its "my work" and the keep page; it extends (a new keep period, reminded again before it
 * ends), re-seals or disposes of it, each with who and when; bad decisions are 422 and a stale version 409.
 */
class SampleKeepJobTest extends ApiTestBase {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String BASE = "/api/v1/samples";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Notifications notifications;
    @Autowired
    CareLoopProperties platform;
    @Autowired
    com.careloop.platform.OrgDirectory directory;

    SampleKeepJob jobOn(LocalDate day) {
        Clock clock = Clock.fixed(day.atTime(7, 40).atZone(SHANGHAI).toInstant(), SHANGHAI);
        return new SampleKeepJob(jdbc, tx, notifications, clock, platform, 30, directory);
    }

    long user(String username) {
        return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
    }

    long notified(long user, long sample) {
        return jdbc.sql("select count(*) from notification where recipient_id = :u and link = :l and title_text like :t")
                .param("u", user).param("l", "/samples/" + sample).param("t", "%sample.notify.keep.title%")
                .query(Long.class).single();
    }

    JsonNode step(String user, long id, String step, String body) {
        Response r = post(BASE + "/" + id + "/" + step, tokenFor(user), body == null ? null : j(body));
        assertThat(r.status()).as(step + ": " + r.body()).isEqualTo(200);
        return r.json();
    }

    /** A sample sealed by sales, kept by quality until {@code keepUntil}. */
    long sealed(LocalDate keepUntil) {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        long customer = post("/api/v1/customers", tokenFor("manager"), j("{'name':'封样客户" + suffix
                + "','kind':'ORGANISATION','phone':'136" + String.format("%08d", (long) (Math.random() * 1e8))
                + "','representativeId':" + user("sales") + "}"))
                .json().get("id").asLong();
        long eng = jdbc.sql("select id from department where code = 'ENG'").query(Long.class).single();
        Response r = post(BASE, tokenFor("sales"), j("{'customerId':" + customer + ",'itemName':'封样瓶贴" + suffix
                + "','quantity':5,'unit':'张','requiredOn':'" + LocalDate.now(SHANGHAI).plusDays(3)
                + "','productionDepartmentId':" + eng + "}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        step("depthead", id, "accept", null);
        step("depthead", id, "making", "{'parameters':'p','quantityMade':5}");
        step("quality", id, "inspection", "{'passed':true}");
        step("sales", id, "dispatch", "{'quantitySent':2}");
        step("sales", id, "confirmation", "{'approved':true,'via':'PHONE'}");
        JsonNode d = step("sales", id, "seal", "{'location':'品管部封样柜 K-" + suffix + "','keepUntil':'" + keepUntil
                + "'}");
        assertThat(d.get("seal").get("keepingDepartment").asString()).isEqualTo("品管部（质量部）");
        return id;
    }

    @Test
    void theKeepingDepartmentIsToldThirtyDaysBeforeTheKeepPeriodEndsOnceAndDecides() {
        LocalDate keepUntil = LocalDate.now(SHANGHAI).plusDays(45);
        long id = sealed(keepUntil);
        long quality = user("quality");

        jobOn(keepUntil.minusDays(31)).run();
        assertThat(notified(quality, id)).as("not before 30 days").isZero();
        jobOn(keepUntil.minusDays(30)).run();
        assertThat(notified(quality, id)).isEqualTo(1);
        jobOn(keepUntil.minusDays(30)).run();
        jobOn(keepUntil.minusDays(29)).run();
        assertThat(notified(quality, id)).as("once, also from a second node or the next day").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from sample_keep_notice where sample_id = :id").param("id", id)
                .query(Long.class).single()).isEqualTo(1);

        // quality finds it on "my work" and the keep page
        PageSession qa = new PageSession(port);
        qa.login("quality", DEMO_PASSWORD);
        assertThat(qa.get("/").body()).contains("/samples/keep");
        PageSession.Page page = qa.get("/samples/keep");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("/samples/" + id + "\"").doesNotContain("??");
        assertThat(qa.get("/samples/" + id).body()).contains("keep-form");

        // bad decisions: 422 naming the field, nothing changes; a stale version 409
        Response bad = post(BASE + "/" + id + "/keep", tokenFor("quality"), j("{'decision':'BURN'}"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("decision");
        bad = post(BASE + "/" + id + "/keep", tokenFor("quality"), j("{'decision':'EXTEND','keepUntil':'"
                + keepUntil.minusDays(1) + "'}"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors").get(0).get("rule").asString()).isEqualTo("after-current");
        bad = post(BASE + "/" + id + "/keep", tokenFor("quality"), j("{'decision':'DISPOSE'}"));
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("note");
        assertThat(post(BASE + "/" + id + "/keep", tokenFor("quality"), j("{'decision':'DISPOSE','note':'x',"
                + "'version':0}")).status()).as("stale").isEqualTo(409);

        // extended: who and when; a new keep period, reminded again 30 days before it ends
        LocalDate extended = keepUntil.plusYears(1);
        JsonNode d = step("quality", id, "keep", "{'decision':'EXTEND','keepUntil':'" + extended
                + "','note':'仍在量产'}");
        assertThat(d.get("status").asString()).isEqualTo("SEALED");
        assertThat(d.get("seal").get("keepUntil").asString()).isEqualTo(extended.toString());
        assertThat(d.get("seal").get("decision").asString()).isEqualTo("EXTENDED");
        assertThat(d.get("seal").get("decidedBy").asString()).isEqualTo("周卫东");
        assertThat(d.get("seal").get("decidedAt").isNull()).isFalse();
        jobOn(keepUntil).run();
        assertThat(notified(quality, id)).as("the new period is not due yet").isEqualTo(1);
        jobOn(extended.minusDays(30)).run();
        assertThat(notified(quality, id)).isEqualTo(2);

        // re-sealed, then disposed of: DISPOSED, no longer the product's reference
        d = step("quality", id, "keep", "{'decision':'RESEAL','location':'品管部封样柜 K-新','keepUntil':'"
                + extended.plusYears(1) + "'}");
        assertThat(d.get("seal").get("decision").asString()).isEqualTo("RESEALED");
        assertThat(d.get("seal").get("location").asString()).isEqualTo("品管部封样柜 K-新");
        d = step("quality", id, "keep", "{'decision':'DISPOSE','note':'产品停产，封样粉碎'}");
        assertThat(d.get("status").asString()).isEqualTo("DISPOSED");
        assertThat(d.get("seal").get("decision").asString()).isEqualTo("DISPOSED");
        assertThat(d.get("timeline").valueStream().map(e -> e.get("kind").asString()).toList())
                .containsSubsequence("SEALED", "KEEP_EXTENDED", "RESEALED", "DISPOSED");
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'sample' and record_id = :id"
                + " and action in ('KEEP_EXTEND', 'RESEAL', 'DISPOSE')").param("id", String.valueOf(id))
                .query(Long.class).single()).isEqualTo(3);
        jobOn(extended.plusYears(1)).run();
        assertThat(notified(quality, id)).as("a disposed sample is not reminded").isEqualTo(2);
        assertThat(post(BASE + "/" + id + "/keep", tokenFor("sales"), j("{'decision':'EXTEND'}")).status())
                .as("sales do not keep sealed samples").isEqualTo(403);
    }
}
