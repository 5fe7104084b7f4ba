package com.careloop.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The stored company calendar answers deadlines the way the SLA clocks will use it. */
class CalendarApiTest extends ApiTestBase {

    private long standardId() {
        return get("/api/v1/calendars", tokenFor("manager")).json().get(0).get("id").asLong();
    }

    @Test
    void theDemoCalendarCarriesThe2026ChineseHolidaysAndMakeUpDays() {
        JsonNode cal = get("/api/v1/calendars/" + standardId(), tokenFor("manager")).json();
        assertThat(cal.get("zone").asString()).isEqualTo("Asia/Shanghai");
        assertThat(cal.get("specialDays").valueStream()
                .filter(d -> d.get("day").asString().equals("2026-10-01")).findFirst().orElseThrow()
                .get("kind").asString()).isEqualTo("HOLIDAY");
        assertThat(cal.get("specialDays").valueStream()
                .filter(d -> d.get("day").asString().equals("2026-10-10")).findFirst().orElseThrow()
                .get("kind").asString()).isEqualTo("MAKEUP_WORKDAY");
    }

    @Test
    void threeWorkingDaysOverQingmingEndOnTheThirdWorkingDay() {
        Response r = post("/api/v1/calendars/" + standardId() + "/deadline", tokenFor("frontdesk"),
                j("{'start':'2026-04-02T10:00:00+08:00','amount':3,'unit':'WORKING_DAYS'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("localDeadline").asString()).isEqualTo("2026-04-08T17:30:00+08:00");
    }

    @Test
    void aPauseAcrossTheWeekendStopsTheWorkingHoursClock() {
        Response r = post("/api/v1/calendars/" + standardId() + "/deadline", tokenFor("frontdesk"),
                j("{'start':'2026-03-06T09:00:00+08:00','amount':8,'unit':'WORKING_HOURS','pauses':[{"
                        + "'start':'2026-03-06T16:00:00+08:00','end':'2026-03-09T10:00:00+08:00','reason':'等待顾客确认'}]}"));
        assertThat(r.json().get("localDeadline").asString()).isEqualTo("2026-03-09T14:00:00+08:00");
    }

    @Test
    void aPauseEndingBeforeItStartsIsNamedAsTheInvalidField() {
        Response r = post("/api/v1/calendars/" + standardId() + "/deadline", tokenFor("frontdesk"),
                j("{'start':'2026-03-06T09:00:00+08:00','amount':8,'unit':'WORKING_HOURS','pauses':[{"
                        + "'start':'2026-03-06T16:00:00+08:00','end':'2026-03-06T10:00:00+08:00','reason':'x'}]}"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("pauses");
        Response unit = post("/api/v1/calendars/" + standardId() + "/deadline", tokenFor("frontdesk"),
                j("{'start':'2026-03-06T09:00:00+08:00','amount':8,'unit':'FORTNIGHTS'}"));
        assertThat(unit.status()).isEqualTo(400);
    }

    @Test
    void aManagerAddsAHolidayAndTheDeadlineMoves() {
        long id = standardId();
        String body = j("{'start':'2027-03-03T09:00:00+08:00','amount':1,'unit':'WORKING_DAYS'}");
        String before = post("/api/v1/calendars/" + id + "/deadline", tokenFor("manager"), body).json()
                .get("localDeadline").asString();
        assertThat(before).isEqualTo("2027-03-04T17:30:00+08:00");
        Response added = post("/api/v1/calendars/" + id + "/special-days", tokenFor("manager"),
                j("{'day':'2027-03-04','kind':'HOLIDAY','name':'公司周年庆'}"));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(post("/api/v1/calendars/" + id + "/deadline", tokenFor("manager"), body).json()
                .get("localDeadline").asString()).isEqualTo("2027-03-05T17:30:00+08:00");
        Response twice = post("/api/v1/calendars/" + id + "/special-days", tokenFor("manager"),
                j("{'day':'2027-03-04','kind':'HOLIDAY','name':'again'}"));
        assertThat(twice.status()).isEqualTo(422);
        assertThat(delete("/api/v1/calendars/" + id + "/special-days/" + added.json().get("id").asLong(),
                tokenFor("manager")).status()).isEqualTo(204);
        assertThat(post("/api/v1/calendars/" + id + "/deadline", tokenFor("manager"), body).json()
                .get("localDeadline").asString()).isEqualTo(before);
        JsonNode history = get("/api/v1/audit-events/calendar/" + id, tokenFor("manager")).json();
        assertThat(history.valueStream().map(e -> e.get("action").asString()))
                .contains("ADD_HOLIDAY", "REMOVE_HOLIDAY");
    }

    @Test
    void overlappingWorkingHoursAreRefusedAndAFrontDeskAgentCannotChangeTheCalendar() {
        long id = standardId();
        long version = get("/api/v1/calendars/" + id, tokenFor("manager")).json().get("version").asLong();
        Response overlap = put("/api/v1/calendars/" + id + "/working-hours", tokenFor("manager"),
                j("{'version':" + version + ",'weeklyHours':{'MONDAY':[{'start':'08:00','end':'12:00'},"
                        + "{'start':'11:00','end':'17:00'}]}}"));
        assertThat(overlap.status()).isEqualTo(422);
        assertThat(put("/api/v1/calendars/" + id + "/working-hours", tokenFor("frontdesk"),
                j("{'version':" + version + ",'weeklyHours':{}}")).status()).isEqualTo(403);
    }
}
