package com.careloop.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.ReportPeriod;
import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Periodic reports over the API: a weekly report's figures equal the module statistics of the same week, an approved
 * report stays as it was when data changes, regenerating gives a new revision with today's figures, the life cycle
 * refuses wrong steps (409), stale versions (409), bad periods (422 naming the field) and staff (403).
 */
class ReportApiTest extends ApiTestBase {

    static final String BASE = "/api/v1/reports";

    @Autowired Clock clock;
    @Autowired CareLoopProperties properties;
    @Autowired JdbcClient jdbc;

    LocalDate today() {
        return LocalDate.now(clock.withZone(properties.zone()));
    }

    void request(String title) {
        Response r = post("/api/v1/service-requests", tokenFor("frontdesk"), j("{'type':'REPAIR','title':'" + title
                + "','contactName':'李先生','contactPhone':'13812345678','channel':'PHONE'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    /** A fresh draft of this week's weekly report: generated, or a new revision of the one there is. */
    JsonNode freshThisWeek() {
        ReportPeriod week = ReportPeriod.week(today());
        Response r = post(BASE, tokenFor("supervisor"), j("{'kind':'WEEKLY','first':'" + today() + "'}"));
        if (r.status() == 409) {
            long id = r.json().get("id").asLong();
            JsonNode existing = get(BASE + "/" + id, tokenFor("manager")).json();
            if ("SUBMITTED".equals(existing.get("status").asString())) {
                assertThat(post(BASE + "/" + id + "/return", tokenFor("manager"), j("{'comment':'重做'}")).status()).isEqualTo(200);
            }
            r = post(BASE + "/" + id + "/regenerate", tokenFor("supervisor"), null);
        }
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.header("Location")).isEqualTo(BASE + "/" + r.json().get("id").asLong());
        JsonNode report = r.json();
        assertThat(report.get("first").asString()).isEqualTo(week.first().toString());
        assertThat(report.get("last").asString()).isEqualTo(week.last().toString());
        assertThat(report.get("status").asString()).isEqualTo("DRAFT");
        return report;
    }

    static JsonNode figure(JsonNode report, String code) {
        for (JsonNode s : report.get("sections")) {
            for (JsonNode f : s.get("figures")) {
                if (f.get("code").asString().equals(code)) {
                    return f;
                }
            }
        }
        throw new AssertionError("no figure " + code + " in " + report);
    }

    static long value(JsonNode report, String code) {
        return new BigDecimal(figure(report, code).get("value").asString()).longValueExact();
    }

    long registeredPerStatistics(ReportPeriod week) {
        String from = week.from(properties.zone()).atZone(properties.zone()).toOffsetDateTime().toString();
        String to = week.to(properties.zone()).atZone(properties.zone()).toOffsetDateTime().toString();
        Response s = get("/api/v1/service-requests/statistics?groupBy=TYPE&from=" + from.replace("+", "%2B") + "&to="
                + to.replace("+", "%2B"), tokenFor("manager"));
        assertThat(s.status()).as(s.body()).isEqualTo(200);
        assertThat(s.json().get(0).get("key").isNull()).isTrue();
        return s.json().get(0).get("count").asLong();
    }

    @Test
    void weeklyFiguresEqualTheStatisticsAndAnApprovedReportStaysFrozenUntilRegenerated() {
        request("周报" + UUID.randomUUID());
        JsonNode report = freshThisWeek();
        long id = report.get("id").asLong();
        long registered = value(report, "servicedesk.registered");
        assertThat(registered).isPositive().isEqualTo(registeredPerStatistics(ReportPeriod.week(today())));
        assertThat(report.get("number").asString()).startsWith("ZB");
        assertThat(report.get("title").asString()).startsWith("客服中心周报表");

        Response texts = put(BASE + "/" + id + "/texts", tokenFor("supervisor"), j("{'texts':{'highlights':'亮点"
                + id + "','problems':'','nextWeekPlan':'计划'},'version':" + report.get("version").asLong() + "}"));
        assertThat(texts.status()).as(texts.body()).isEqualTo(200);
        assertThat(texts.json().get("textValues").get("highlights").asString()).isEqualTo("亮点" + id);
        assertThat(post(BASE + "/" + id + "/submit", tokenFor("supervisor"), null).status()).isEqualTo(200);
        Response approved = post(BASE + "/" + id + "/approve", tokenFor("manager"), null);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.json().get("approvedBy").asString()).isNotBlank();

        request("周报之后" + UUID.randomUUID());
        JsonNode frozen = get(BASE + "/" + id, tokenFor("manager")).json();
        assertThat(value(frozen, "servicedesk.registered")).as("approved content is frozen").isEqualTo(registered);
        assertThat(registeredPerStatistics(ReportPeriod.week(today()))).isEqualTo(registered + 1);

        Response regenerated = post(BASE + "/" + id + "/regenerate", tokenFor("supervisor"), null);
        assertThat(regenerated.status()).as(regenerated.body()).isEqualTo(201);
        JsonNode next = regenerated.json();
        assertThat(next.get("revision").asInt()).isEqualTo(report.get("revision").asInt() + 1);
        assertThat(next.get("status").asString()).isEqualTo("DRAFT");
        assertThat(value(next, "servicedesk.registered")).isEqualTo(registered + 1);
        assertThat(next.get("textValues").get("highlights").asString()).as("texts carried over").isEqualTo("亮点" + id);

        JsonNode old = get(BASE + "/" + id, tokenFor("manager")).json();
        assertThat(old.get("current").asBoolean()).isFalse();
        assertThat(old.get("status").asString()).isEqualTo("APPROVED");
        assertThat(value(old, "servicedesk.registered")).isEqualTo(registered);
        Response revisions = get(BASE + "/" + next.get("id").asLong() + "/revisions", tokenFor("manager"));
        assertThat(revisions.json().size()).isGreaterThanOrEqualTo(2);
        assertThat(revisions.json().get(0).get("id").asLong()).isEqualTo(next.get("id").asLong());
        assertThat(post(BASE + "/" + id + "/submit", tokenFor("supervisor"), null).status())
                .as("a superseded revision is read-only").isEqualTo(409);

        Response list = get(BASE + "?kind=WEEKLY&year=" + ReportPeriod.week(today()).first().getYear(), tokenFor("manager"));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("items").valueStream().map(n -> n.get("id").asLong()))
                .contains(next.get("id").asLong()).doesNotContain(id);

        assertThat(audit(next.get("number").asString())).contains("CREATE");
        assertThat(audit(report.get("number").asString())).contains("CREATE", "WRITE_TEXTS", "SUBMIT", "APPROVE", "SUPERSEDE");
    }

    java.util.List<String> audit(String number) {
        return jdbc.sql("select action from audit_event where record_type = 'report' and record_id = :n order by id")
                .param("n", number).query(String.class).list();
    }

    @Test
    void theLifeCycleRefusesWrongStepsAndStaleVersions() {
        JsonNode report = freshThisWeek();
        long id = report.get("id").asLong();
        long version = report.get("version").asLong();
        Response early = post(BASE + "/" + id + "/approve", tokenFor("manager"), null);
        assertThat(early.status()).as(early.body()).isEqualTo(409);
        assertThat(early.json().get("code").asString()).isEqualTo("report.wrong-state");

        Response stale = put(BASE + "/" + id + "/texts", tokenFor("supervisor"), j("{'texts':{'highlights':'x'},'version':"
                + (version + 7) + "}"));
        assertThat(stale.status()).as(stale.body()).isEqualTo(409);
        Response unknown = put(BASE + "/" + id + "/texts", tokenFor("supervisor"), j("{'texts':{'conclusions':'x'},'version':"
                + version + "}"));
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(422);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("texts.conclusions");

        assertThat(post(BASE + "/" + id + "/submit", tokenFor("supervisor"), j("{'version':" + version + "}")).status())
                .isEqualTo(200);
        assertThat(post(BASE + "/" + id + "/submit", tokenFor("supervisor"), null).status()).isEqualTo(409);
        Response texts = put(BASE + "/" + id + "/texts", tokenFor("supervisor"), j("{'texts':{'highlights':'x'},'version':"
                + (version + 1) + "}"));
        assertThat(texts.status()).as("no writing while submitted: " + texts.body()).isEqualTo(409);
        assertThat(post(BASE + "/" + id + "/regenerate", tokenFor("supervisor"), null).status()).isEqualTo(409);
        assertThat(post(BASE + "/" + id + "/approve", tokenFor("supervisor"), null).status())
                .as("a supervisor does not approve").isEqualTo(403);

        Response noComment = post(BASE + "/" + id + "/return", tokenFor("manager"), j("{'comment':' '}"));
        assertThat(noComment.status()).isEqualTo(422);
        assertThat(noComment.json().get("errors").get(0).get("field").asString()).isEqualTo("comment");
        Response returned = post(BASE + "/" + id + "/return", tokenFor("manager"), j("{'comment':'请补充问题分析'}"));
        assertThat(returned.status()).as(returned.body()).isEqualTo(200);
        assertThat(returned.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(returned.json().get("returnComment").asString()).isEqualTo("请补充问题分析");
    }

    @Test
    void badPeriodsAndCustomersAreRefusedNamingTheField() {
        String token = tokenFor("manager");
        ReportPeriod week = ReportPeriod.week(today().minusWeeks(3));
        assertField(post(BASE, token, j("{'kind':'WEEKLY','first':'" + week.first() + "','last':'" + week.last().minusDays(2)
                + "'}")), "last");
        assertField(post(BASE, token, j("{'kind':'WEEKLY','first':'" + today().plusWeeks(2) + "'}")), "first");
        assertField(post(BASE, token, j("{'kind':'WEEKLY'}")), "first");
        assertField(post(BASE, token, j("{'kind':'CUSTOMER_MONTHLY','year':2025,'month':13,'customerId':1}")), "month");
        YearMonth last = YearMonth.from(today()).minusMonths(1);
        assertField(post(BASE, token, j("{'kind':'CUSTOMER_MONTHLY','year':" + last.getYear() + ",'month':"
                + last.getMonthValue() + "}")), "customerId");
        Long plain = jdbc.sql("select min(id) from customer where key_customer = false").query(Long.class).single();
        assertField(post(BASE, token, j("{'kind':'CUSTOMER_MONTHLY','year':" + last.getYear() + ",'month':"
                + last.getMonthValue() + ",'customerId':" + plain + "}")), "customerId");
        assertField(post(BASE, token, j("{'kind':'WEEKLY','first':'" + week.first() + "','customerId':" + plain + "}")),
                "customerId");
        Response noKind = post(BASE, token, j("{'first':'" + week.first() + "'}"));
        assertThat(noKind.status()).isIn(400, 422);

        Response assessment = post(BASE, token, j("{'kind':'MONTHLY_ASSESSMENT','year':" + last.getYear() + ",'month':"
                + last.getMonthValue() + "}"));
        if (assessment.status() == 422) {
            assertThat(assessment.json().get("errors").get(0).get("field").asString()).as("no builder: the kind").isEqualTo("kind");
            assertThat(assessment.json().get("detail").asString()).contains("客户服务月考核表");
        } else {
            assertThat(assessment.status()).as("built elsewhere").isIn(201, 409);
        }
    }

    @Test
    void aKeyCustomersMonthlyReportAndTheManagementReviewHaveTheirSections() {
        String token = tokenFor("manager");
        Long key = jdbc.sql("select max(id) from customer where key_customer = true and active = true").query(Long.class).single();
        YearMonth m = YearMonth.from(today()).minusMonths(2);
        Response r = post(BASE, token, j("{'kind':'CUSTOMER_MONTHLY','year':" + m.getYear() + ",'month':" + m.getMonthValue()
                + ",'customerId':" + key + "}"));
        if (r.status() == 409) {
            r = get(BASE + "/" + r.json().get("id").asLong(), token);
        }
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        assertThat(r.json().get("number").asString()).startsWith("YF");
        assertThat(r.json().get("customerId").asLong()).isEqualTo(key);
        assertThat(r.json().get("title").asString()).contains(r.json().get("customerName").asString());

        int year = today().getYear() - 1;
        Response mr = post(BASE, token, j("{'kind':'MANAGEMENT_REVIEW','year':" + year + "}"));
        if (mr.status() == 409) {
            mr = get(BASE + "/" + mr.json().get("id").asLong(), token);
        }
        assertThat(mr.status()).as(mr.body()).isIn(200, 201);
        assertThat(mr.json().get("number").asString()).startsWith("GP");
        var codes = mr.json().get("sections").valueStream().map(s -> s.get("code").asString()).toList();
        assertThat(codes).startsWith("satisfaction").contains("complaints", "claims", "callbacks", "capa", "audits", "contracts");
        JsonNode audits = mr.json().get("sections").valueStream().filter(s -> s.get("code").asString().equals("audits"))
                .findFirst().orElseThrow();
        assertThat(audits.get("available").asBoolean()).isFalse();
    }

    @Test
    void staffSeeNoReports() {
        assertThat(get(BASE, tokenFor("staff")).status()).isEqualTo(403);
        assertThat(post(BASE, tokenFor("staff"), j("{'kind':'WEEKLY','first':'" + today() + "'}")).status()).isEqualTo(403);
        Response list = get(BASE + "?kind=WEEKLY&status=APPROVED&limit=2", tokenFor("supervisor"));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("items").size()).isEqualTo(2);
        String cursor = list.json().get("nextCursor").asString();
        Response more = get(BASE + "?kind=WEEKLY&status=APPROVED&limit=2&cursor=" + cursor, tokenFor("supervisor"));
        assertThat(more.json().get("items").get(0).get("first").asString())
                .isLessThan(list.json().get("items").get(1).get("first").asString());
    }

    void assertField(Response r, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("field").asString()).as(r.body()).isEqualTo(field);
    }
}
