package com.careloop.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.ReportPeriod;
import com.careloop.reporting.dashboard.FigureSources;
import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /api/v1/dashboards/me: the figures equal the modules' own statistics APIs for the same period and the same
 * reader; a department head sees the department's figures and no company part; a user without reporting:dashboard
 * gets only their work lines; a bad period is a 400 naming the field.
 */
class DashboardApiTest extends ApiTestBase {

    @Autowired FigureSources figureSources;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired CareLoopProperties properties;

    LocalDate today() {
        return LocalDate.now(clock.withZone(properties.zone()));
    }

    long userId(String username) {
        return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
    }

    long department(String code) {
        return jdbc.sql("select id from department where code = :c").param("c", code).query(Long.class).single();
    }

    long request() {
        Response r = post("/api/v1/service-requests", tokenFor("frontdesk"), j("{'type':'REPAIR','title':'报修"
                + UUID.randomUUID() + "','contactName':'李先生','contactPhone':'13812345678','channel':'PHONE'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        Response d = post("/api/v1/service-requests/" + id + "/dispatch", tokenFor("frontdesk"), j("{'departmentId':"
                + department("ENG-REPAIR") + ",'assigneeId':" + userId("staff") + "}"));
        assertThat(d.status()).as(d.body()).isIn(200, 201);
        return id;
    }

    long customer() {
        String phone = "139" + String.format("%08d", (long) (Math.random() * 100_000_000L));
        Response r = post("/api/v1/customers", tokenFor("manager"), j("{'name':'客户" + UUID.randomUUID().toString()
                .substring(0, 6) + "','kind':'INDIVIDUAL','phone':'" + phone + "','project':'翠湖花园','room':'3-1202'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    void complaint() {
        Response r = post("/api/v1/complaints", tokenFor("complaints"), j("{'customerId':" + customer()
                + ",'channel':'PHONE','product':'轴承','content':'批次轴承异响，产线停机','requestedRemedy':'更换整批'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    JsonNode dashboard(String username, String period) {
        Response r = call("GET", "/api/v1/dashboards/me?period=" + period, tokenFor(username), null,
                "Accept-Language", "zh-CN");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static Map<String, JsonNode> figures(JsonNode part) {
        Map<String, JsonNode> byCode = new HashMap<>();
        part.get("figures").forEach(f -> byCode.put(f.get("code").asString(), f));
        return byCode;
    }

    long registeredByStatistics(String username, ReportPeriod period) {
        ZoneId zone = properties.zone();
        Response r = get("/api/v1/service-requests/statistics?groupBy=TYPE&from="
                + period.from(zone).atZone(zone).toOffsetDateTime().toString().replace("+", "%2B") + "&to="
                + period.to(zone).atZone(zone).toOffsetDateTime().toString().replace("+", "%2B"), tokenFor(username));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get(0).get("count").asLong();
    }

    JsonNode complaintStatistics(String username, ReportPeriod period) {
        Response r = get("/api/v1/complaints/statistics?from=" + period.first() + "&to=" + period.last(), tokenFor(username));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static BigDecimal value(JsonNode figure) {
        return figure.get("value").isNull() ? null : figure.get("value").decimalValue();
    }

    @Test
    void theFiguresEqualTheModuleStatisticsOfTheSamePeriodAndReader() {
        request();
        request();
        complaint();
        figureSources.invalidate();
        for (String username : List.of("manager", "depthead")) {
            for (String period : List.of("DAY", "WEEK", "MONTH")) {
                JsonNode d = dashboard(username, period);
                ReportPeriod p = switch (period) {
                    case "DAY" -> ReportPeriod.day(today());
                    case "WEEK" -> ReportPeriod.week(today());
                    default -> ReportPeriod.month(YearMonth.from(today()));
                };
                assertThat(d.get("first").asString()).isEqualTo(p.first().toString());
                assertThat(d.get("last").asString()).isEqualTo(p.last().toString());
                Map<String, JsonNode> f = figures(d.get("kpis"));
                String as = username + " " + period;
                assertThat(value(f.get("servicedesk.registered")).longValue()).as(as)
                        .isEqualTo(registeredByStatistics(username, p)).isPositive();
                JsonNode complaints = complaintStatistics(username, p);
                assertThat(value(f.get("complaint.received")).longValue()).as(as)
                        .isEqualTo(complaints.get("total").get("count").asLong());
                JsonNode ack = f.get("complaint.onTimeAcknowledgementRate");
                JsonNode statsAck = complaints.get("total").get("onTimeAcknowledgement");
                assertThat(value(ack)).as(as).isEqualTo(statsAck == null || statsAck.isNull() ? null
                        : BigDecimal.valueOf(statsAck.asDouble()).setScale(4, RoundingMode.HALF_UP));
                // a labelled figure in the reader's language, its target and status from the KPI targets
                JsonNode onTime = f.get("servicedesk.respondedOnTimeRate");
                assertThat(onTime.get("label").asString()).isNotBlank().doesNotStartWith("figure.");
                assertThat(onTime.get("unit").asString()).isEqualTo("PERCENT");
                assertThat(onTime.get("target").decimalValue()).isEqualByComparingTo("1");
                if (!onTime.get("value").isNull()) {
                    assertThat(onTime.get("met").asBoolean())
                            .isEqualTo(onTime.get("value").decimalValue().compareTo(BigDecimal.ONE) >= 0);
                }
                assertThat(f.get("servicedesk.overdueNow").get("drillDown").asString()).contains("overdue=true");
            }
        }
        JsonNode manager = dashboard("manager", "MONTH");
        assertThat(manager.get("company").isNull()).isFalse();
        assertThat(manager.get("company").get("part").get("scope").asString()).isEqualTo("ALL");
        assertThat(manager.get("company").get("majorComplaints").get("code").asString()).isEqualTo("complaint.major");
        assertThat(manager.get("company").get("capaEffectiveness").get("code").asString()).isEqualTo("capa.effectivenessRate");
        assertThat(manager.get("company").get("redLineAuditFailures").asString()).contains("稽查");
        assertThat(manager.get("kpis").get("tables").valueStream().map(t -> t.get("code").asString()).toList())
                .contains("complaint.pareto", "servicedesk.byType");
    }

    @Test
    void aDepartmentHeadSeesTheDepartmentsFiguresAndNoCompanyPart() {
        request();
        figureSources.invalidate();
        JsonNode head = dashboard("depthead", "MONTH");
        JsonNode manager = dashboard("manager", "MONTH");
        assertThat(head.get("company").isNull()).isTrue();
        assertThat(head.get("kpis").get("scope").asString()).isNotEqualTo("ALL");
        long headRegistered = value(figures(head.get("kpis")).get("servicedesk.registered")).longValue();
        long companyRegistered = value(figures(manager.get("company").get("part")).get("servicedesk.registered")).longValue();
        assertThat(headRegistered).isLessThanOrEqualTo(companyRegistered);
        assertThat(headRegistered).isEqualTo(registeredByStatistics("depthead", ReportPeriod.month(YearMonth.from(today()))));
    }

    @Test
    void withoutTheDashboardPermissionOnlyTheWorkLines() {
        request();
        for (String username : List.of("staff", "frontdesk")) {
            JsonNode d = dashboard(username, "DAY");
            assertThat(d.get("kpis").isNull()).as(username).isTrue();
            assertThat(d.get("company").isNull()).as(username).isTrue();
            assertThat(d.get("work").size()).as(username).isPositive();
        }
        JsonNode staff = dashboard("staff", "DAY");
        JsonNode myOpen = staff.get("work").valueStream().filter(w -> w.get("code").asString().equals("servicedesk.myOpen"))
                .findFirst().orElseThrow();
        assertThat(myOpen.get("count").asLong()).isPositive();
        assertThat(myOpen.get("label").asString()).doesNotStartWith("work.");
        assertThat(myOpen.get("link").asString()).startsWith("/service-requests");
        Response en = call("GET", "/api/v1/dashboards/me", tokenFor("staff"), null, "Accept-Language", "en");
        assertThat(en.json().get("work").valueStream().map(w -> w.get("label").asString()).toList())
                .allMatch(l -> l.chars().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN));
    }

    @Test
    void anUnknownPeriodIsABadRequestNamingTheField() {
        Response r = get("/api/v1/dashboards/me?period=YEARLY", tokenFor("manager"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("period");
    }
}
