package com.careloop.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** Upcoming birthdays within the reader's scope and the one-click birthday card. */
class BirthdayApiTest extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private long customer(LocalDate birthday, String representative) {
        long rep = jdbc.sql("select id from app_user where username = :u").param("u", representative).query(Long.class).single();
        Response r = post("/api/v1/customers", tokenFor("manager"), j("{'name':'生日测试" + UUID.randomUUID().toString()
                .substring(0, 6) + "','kind':'INDIVIDUAL','birthday':'" + birthday + "','occupation':'医生','phone':'13812345678',"
                + "'confirmDuplicate':true,'representativeId':" + rep + "}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private JsonNode find(JsonNode list, long id) {
        return list.valueStream().filter(b -> b.get("customerId").asLong() == id).findFirst().orElse(null);
    }

    @Test
    void theBirthdaysOfTheNextDaysWithAgeAndOccupationSoonestFirst() {
        long inFive = customer(TODAY.plusDays(5).minusYears(40), "manager");
        long today = customer(TODAY.minusYears(30), "manager");
        long inTwenty = customer(TODAY.plusDays(20).minusYears(50), "manager");
        long yesterday = customer(TODAY.minusDays(1).minusYears(50), "manager");
        JsonNode list = get("/api/v1/customers/birthdays?days=10", tokenFor("frontdesk")).json();
        assertThat(find(list, inFive).get("daysUntil").asInt()).isEqualTo(5);
        assertThat(find(list, inFive).get("turning").asInt()).isEqualTo(40);
        assertThat(find(list, inFive).get("occupation").asString()).isEqualTo("医生");
        assertThat(find(list, inFive).get("phone").asString()).isEqualTo("138****5678");
        assertThat(find(list, today).get("daysUntil").asInt()).isZero();
        assertThat(find(list, inTwenty)).isNull();
        assertThat(find(list, yesterday)).as("a birthday yesterday is next year's").isNull();
        var dates = list.valueStream().map(b -> LocalDate.parse(b.get("nextBirthday").asString())).toList();
        assertThat(dates).isSorted();
        assertThat(find(get("/api/v1/customers/birthdays?days=30", tokenFor("manager")).json(), inTwenty)).isNotNull();
        assertThat(get("/api/v1/customers/birthdays?days=400", tokenFor("manager")).status()).isEqualTo(422);
    }

    @Test
    void onlyCustomersInTheReadersScopeAreListed() {
        long mine = customer(TODAY.plusDays(3).minusYears(35), "sales");
        long others = customer(TODAY.plusDays(3).minusYears(35), "manager");
        JsonNode list = get("/api/v1/customers/birthdays?days=7", tokenFor("sales")).json();
        assertThat(find(list, mine)).isNotNull();
        assertThat(find(list, others)).isNull();
    }

    @Test
    void aBirthdayCardIsLoggedOnceAndThenShowsAsDone() {
        long c = customer(TODAY.plusDays(2).minusYears(60), "manager");
        assertThat(find(get("/api/v1/customers/birthdays?days=7", tokenFor("manager")).json(), c).get("greeted").asBoolean()).isFalse();
        Response sent = post("/api/v1/customers/" + c + "/birthday-card", tokenFor("frontdesk"), null);
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        assertThat(sent.json().get("kind").asString()).isEqualTo("BIRTHDAY_GREETING");
        assertThat(find(get("/api/v1/customers/birthdays?days=7", tokenFor("manager")).json(), c).get("greeted").asBoolean()).isTrue();
        assertThat(post("/api/v1/customers/" + c + "/birthday-card", tokenFor("frontdesk"), null).status()).isEqualTo(409);
        assertThat(get("/api/v1/customers/" + c + "/contact-log", tokenFor("manager")).json().get("items").get(0).get("kind")
                .asString()).isEqualTo("BIRTHDAY_GREETING");
    }

    @Test
    void theDemoHasACustomerWithABirthdayInTheComingTwoWeeks() {
        assertThat(get("/api/v1/customers/birthdays?days=14", tokenFor("manager")).json().valueStream()
                .map(b -> b.get("name").asString())).contains("周秀英");
    }
}
