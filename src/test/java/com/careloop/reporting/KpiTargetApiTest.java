package com.careloop.reporting;

import java.util.concurrent.ThreadLocalRandom;

import com.careloop.support.ApiTestBase;
import com.careloop.support.PageSession;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * KPI targets: the seeded defaults, a month's target that applies from that month on, optimistic locking (409),
 * values out of range (422 naming the field), the audit trail, the page.
 */
class KpiTargetApiTest extends ApiTestBase {

    static final String BASE = "/api/v1/kpi-targets";

    /** A month of its own far ahead, so tests sharing the database never meet. */
    static String month() {
        return String.format("%d-%02d", ThreadLocalRandom.current().nextInt(2040, 2099),
                ThreadLocalRandom.current().nextInt(1, 13));
    }

    JsonNode row(JsonNode list, String code, String validFrom) {
        return list.valueStream().filter(t -> t.get("figureCode").asString().equals(code)
                        && (validFrom == null ? t.get("validFrom").isNull() : validFrom.equals(t.get("validFrom").asString())))
                .findFirst().orElseThrow(() -> new AssertionError(code + " " + validFrom));
    }

    @Test
    void theDefaultsAreSeededFromTheSeedsAndAMonthsTargetAppliesFromThatMonthOn() {
        JsonNode all = get(BASE, tokenFor("manager")).json();
        JsonNode callback = row(all, "callback.onTimeRate", null);
        assertThat(callback.get("targetValue").decimalValue()).isEqualByComparingTo("1");
        assertThat(callback.get("comparison").asString()).isEqualTo("HIGHER");
        assertThat(callback.get("label").asString()).doesNotStartWith("figure.");
        assertThat(row(all, "servicedesk.respondedOnTimeRate", null).get("scoringRule").asString()).isEqualTo("LINEAR");
        assertThat(row(all, "complaint.repeatRate", null).get("comparison").asString()).isEqualTo("LOWER");
        assertThat(row(all, "survey.responseRate", null).get("targetValue").decimalValue()).isEqualByComparingTo("0.7");
        assertThat(all.valueStream().filter(t -> t.get("validFrom").isNull())
                .map(t -> t.get("points").decimalValue()).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add))
                .isEqualByComparingTo("100");

        String month = month();
        Response created = put(BASE, tokenFor("manager"), j("{'figureCode':'callback.satisfiedRate','month':'" + month
                + "','targetValue':0.95,'scoringRule':'ALL_OR_NOTHING','points':12,'version':null}"));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.json().get("validFrom").asString()).isEqualTo(month + "-01");
        assertThat(created.json().get("version").asLong()).isZero();
        java.time.YearMonth ym = java.time.YearMonth.parse(month);
        JsonNode before = get(BASE + "?month=" + ym.minusMonths(1), tokenFor("supervisor")).json();
        JsonNode from = get(BASE + "?month=" + month, tokenFor("supervisor")).json();
        JsonNode later = get(BASE + "?month=" + ym.plusMonths(5), tokenFor("supervisor")).json();
        assertThat(row(before, "callback.satisfiedRate", null).get("targetValue").decimalValue()).isEqualByComparingTo("0.9");
        assertThat(row(from, "callback.satisfiedRate", month + "-01").get("targetValue").decimalValue()).isEqualByComparingTo("0.95");
        assertThat(row(later, "callback.satisfiedRate", month + "-01").get("scoringRule").asString()).isEqualTo("ALL_OR_NOTHING");

        long id = created.json().get("id").asLong();
        Response changed = put(BASE, tokenFor("manager"), j("{'figureCode':'callback.satisfiedRate','month':'" + month
                + "','targetValue':0.92,'scoringRule':'LINEAR','points':10,'version':0}"));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("version").asLong()).isEqualTo(1);

        JsonNode trail = get("/api/v1/audit-events/kpi-target/" + id, tokenFor("manager")).json();
        assertThat(trail.valueStream().map(e -> e.get("action").asString()).toList()).containsExactly("CREATE", "UPDATE");
        assertThat(trail.get(1).get("actor").asString()).isEqualTo("manager");
        assertThat(trail.get(1).get("changes").valueStream().map(c -> c.get("field").asString()).toList())
                .contains("targetValue", "scoringRule", "points");
    }

    @Test
    void aStaleVersionIsAConflictAndNothingChanges() {
        String month = month();
        String body = "{'figureCode':'servicedesk.firstContactRate','month':'" + month
                + "','targetValue':0.85,'scoringRule':'LINEAR','points':5,'version':null}";
        assertThat(put(BASE, tokenFor("manager"), j(body)).status()).isEqualTo(200);
        // created again as new: the row exists now
        assertThat(put(BASE, tokenFor("manager"), j(body)).status()).isEqualTo(409);
        assertThat(put(BASE, tokenFor("manager"), j(body.replace("'version':null", "'version':0")
                .replace("0.85", "0.9"))).status()).isEqualTo(200);
        Response stale = put(BASE, tokenFor("manager"), j(body.replace("'version':null", "'version':0")
                .replace("0.85", "0.5")));
        assertThat(stale.status()).as(stale.body()).isEqualTo(409);
        JsonNode now = row(get(BASE, tokenFor("manager")).json(), "servicedesk.firstContactRate", month + "-01");
        assertThat(now.get("targetValue").decimalValue()).isEqualByComparingTo("0.9");
        assertThat(now.get("version").asLong()).isEqualTo(1);
        // the default row with an old version
        JsonNode byDefault = row(get(BASE, tokenFor("manager")).json(), "servicedesk.firstContactRate", null);
        Response r = put(BASE, tokenFor("manager"), j("{'figureCode':'servicedesk.firstContactRate','month':null,"
                + "'targetValue':0.5,'scoringRule':'LINEAR','points':5,'version':" + (byDefault.get("version").asLong() + 7) + "}"));
        assertThat(r.status()).isEqualTo(409);
    }

    @Test
    void aBadValueIsUnprocessableNamingTheField() {
        String month = month();
        assertField("{'figureCode':'callback.coverage','month':'" + month + "','targetValue':1.5,'scoringRule':'LINEAR','points':10}",
                "targetValue");
        assertField("{'figureCode':'callback.coverage','month':'" + month + "','targetValue':-1,'scoringRule':'LINEAR','points':10}",
                "targetValue");
        assertField("{'figureCode':'callback.coverage','month':'" + month + "','targetValue':0.9,'scoringRule':'LINEAR','points':101}",
                "points");
        assertField("{'figureCode':'callback.coverage','month':'" + month + "','targetValue':0.9,'scoringRule':'SOMETIMES','points':10}",
                "scoringRule");
        assertField("{'figureCode':'callback.coverage','month':'2026-13','targetValue':0.9,'scoringRule':'LINEAR','points':10}",
                "month");
        assertField("{'figureCode':'nobody.knows','month':'" + month + "','targetValue':0.9,'scoringRule':'LINEAR','points':10}",
                "figureCode");
        assertField("{}", "figureCode");
        // hours are not a share: 72 h is a valid target
        assertThat(put(BASE, tokenFor("manager"), j("{'figureCode':'servicedesk.averageHandlingHours','month':'" + month
                + "','targetValue':72,'scoringRule':'LINEAR','points':5}")).status()).isEqualTo(200);
    }

    void assertField(String body, String field) {
        Response r = put(BASE, tokenFor("manager"), j(body));
        assertThat(r.status()).as(body + " -> " + r.body()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    @Test
    void whoMaySeeAndWhoMayChange() {
        assertThat(get(BASE, tokenFor("depthead")).status()).isEqualTo(200);
        assertThat(get(BASE, tokenFor("staff")).status()).isEqualTo(403);
        assertThat(put(BASE, tokenFor("supervisor"), j("{'figureCode':'callback.coverage','targetValue':0.9,"
                + "'scoringRule':'LINEAR','points':10}")).status()).isEqualTo(403);
    }

    @Test
    void thePageShowsTheTargetsAndTheManagerChangesOneInPercent() {
        String month = month();
        PageSession s = new PageSession(port);
        s.login("manager", DEMO_PASSWORD);
        PageSession.Page page = s.get("/reporting/targets");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("kpi-targets", "kpi-month-form", "KPI 目标");
        PageSession.Page saved = s.post("/reporting/targets", "figureCode", "callback.coverage", "month", month,
                "targetValue", "95", "scoringRule", "LINEAR", "points", "10");
        assertThat(saved.status()).isEqualTo(302);
        JsonNode row = row(get(BASE, tokenFor("manager")).json(), "callback.coverage", month + "-01");
        assertThat(row.get("targetValue").decimalValue()).isEqualByComparingTo("0.95");

        PageSession head = new PageSession(port);
        head.login("depthead", DEMO_PASSWORD);
        PageSession.Page readOnly = head.get("/reporting/targets?lang=en");
        assertThat(readOnly.status()).isEqualTo(200);
        assertThat(readOnly.body()).contains("KPI targets").doesNotContain("kpi-month-form");
    }
}
