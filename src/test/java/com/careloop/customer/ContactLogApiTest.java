package com.careloop.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** A customer's contact log: inquiries, order talks, calls, visits, greetings — by whom, within the customer's scope. */
class ContactLogApiTest extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    private long userId(String username) {
        return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
    }

    private long customer(String representative) {
        Response r = post("/api/v1/customers", tokenFor("manager"), j("{'name':'联络测试" + UUID.randomUUID().toString()
                .substring(0, 6) + "','kind':'INDIVIDUAL','confirmDuplicate':true,'representativeId':" + userId(representative) + "}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private Response add(long customer, String token, String body) {
        return post("/api/v1/customers/" + customer + "/contact-log", token, j(body));
    }

    @Test
    void entriesAreAddedByTheCurrentUserOrANamedOneAndListedNewestFirst() {
        long c = customer("manager");
        Response inquiry = add(c, tokenFor("frontdesk"), "{'kind':'INQUIRY','channel':'PHONE','occurredAt':'2026-03-01T10:00:00+08:00',"
                + "'summary':'咨询物业费缴纳方式'}");
        assertThat(inquiry.status()).as(inquiry.body()).isEqualTo(201);
        assertThat(inquiry.json().get("staffName").asString()).isEqualTo("张小燕");
        assertThat(inquiry.json().get("customerId").asLong()).isEqualTo(c);
        Response talk = add(c, tokenFor("manager"), "{'kind':'ORDER_TALK','channel':'VISIT','occurredAt':'2026-03-05T15:00:00+08:00',"
                + "'staffId':" + userId("sales") + ",'summary':'洽谈年度订货'}");
        assertThat(talk.json().get("staffId").asLong()).isEqualTo(userId("sales"));
        Response now = add(c, tokenFor("manager"), "{'kind':'HOLIDAY_GREETING','channel':'WECHAT_SMS','summary':'春节问候'}");
        assertThat(now.status()).isEqualTo(201);
        JsonNode list = get("/api/v1/customers/" + c + "/contact-log", tokenFor("quality")).json();
        assertThat(list.get("items").valueStream().map(e -> e.get("kind").asString()))
                .containsExactly("HOLIDAY_GREETING", "ORDER_TALK", "INQUIRY");
        JsonNode trail = get("/api/v1/audit-events/contact-log/" + inquiry.json().get("id").asLong(), tokenFor("manager")).json();
        assertThat(trail.get(0).get("actor").asString()).isEqualTo("frontdesk");
    }

    @Test
    void theLogIsKeysetPagedByOccurredTime() {
        long c = customer("manager");
        for (int day = 1; day <= 3; day++) {
            add(c, tokenFor("manager"), "{'kind':'CALL','channel':'PHONE','occurredAt':'2026-02-0" + day + "T09:00:00Z','summary':'第" + day + "次'}");
        }
        JsonNode first = get("/api/v1/customers/" + c + "/contact-log?limit=2", tokenFor("manager")).json();
        assertThat(first.get("items").valueStream().map(e -> e.get("summary").asString())).containsExactly("第3次", "第2次");
        JsonNode rest = get("/api/v1/customers/" + c + "/contact-log?limit=2&cursor=" + first.get("nextCursor").asString(),
                tokenFor("manager")).json();
        assertThat(rest.get("items").valueStream().map(e -> e.get("summary").asString())).containsExactly("第1次");
        assertThat(rest.get("nextCursor").isNull()).isTrue();
        assertThat(get("/api/v1/customers/" + c + "/contact-log?cursor=garbage", tokenFor("manager")).status()).isEqualTo(422);
    }

    @Test
    void aFutureTimeAnUnknownStaffAndMissingFieldsAreRefusedNamingTheField() {
        long c = customer("manager");
        Response future = add(c, tokenFor("manager"), "{'kind':'CALL','channel':'PHONE','occurredAt':'2099-01-01T00:00:00Z','summary':'x'}");
        assertThat(future.status()).isEqualTo(422);
        assertThat(future.json().get("errors").get(0).get("field").asString()).isEqualTo("occurredAt");
        assertThat(future.json().get("errors").get(0).get("rule").asString()).isEqualTo("not-future");
        Response staff = add(c, tokenFor("manager"), "{'kind':'CALL','channel':'PHONE','staffId':987654,'summary':'x'}");
        assertThat(staff.json().get("errors").get(0).get("field").asString()).isEqualTo("staffId");
        Response missing = add(c, tokenFor("manager"), "{'summary':''}");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .contains("kind", "channel", "summary");
        assertThat(add(c, tokenFor("manager"), "{'kind':'GOSSIP','channel':'PHONE','summary':'x'}").status()).isEqualTo(400);
        assertThat(get("/api/v1/customers/" + c + "/contact-log", tokenFor("manager")).json().get("items").size()).isZero();
    }

    @Test
    void aUserOutsideTheCustomersScopeGetsNotFound() {
        long others = customer("manager");
        long mine = customer("sales");
        assertThat(get("/api/v1/customers/" + others + "/contact-log", tokenFor("sales")).status()).isEqualTo(404);
        assertThat(add(others, tokenFor("sales"), "{'kind':'CALL','channel':'PHONE','summary':'x'}").status()).isEqualTo(404);
        assertThat(add(mine, tokenFor("sales"), "{'kind':'VISIT','channel':'VISIT','summary':'上门拜访'}").status()).isEqualTo(201);
        assertThat(get("/api/v1/customers/" + mine + "/contact-log", tokenFor("sales")).json().get("items").size()).isEqualTo(1);
        assertThat(add(mine, tokenFor("quality"), "{'kind':'CALL','channel':'PHONE','summary':'x'}").status())
                .as("viewing is not writing").isEqualTo(403);
    }
}
