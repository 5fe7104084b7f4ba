package com.careloop.reporting.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Report schedules over HTTP: create, read, change with the version seen, disable, delete; every validation rule
 * as 422 naming the field; a stale version 409; staff refused; the delivery log, run-now and retry without a mail
 * server (this context has none: FAILED with NO_MAIL_SERVER and its back-off), audit entries for the writes.
 */
class ReportDeliveryApiTest extends ApiTestBase {

    static final String BASE = "/api/v1/report-schedules";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReportDeliveries deliveries;

    long userId(String username) {
        return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
    }

    String weekly(String extra) {
        return j("{'reportKind':'WEEKLY','dayOfWeek':'MONDAY','time':'08:00','formats':['PDF','XLSX'],"
                + "'recipientIds':[" + userId("supervisor") + "," + userId("manager") + "]" + extra + "}");
    }

    JsonNode create(String body) {
        Response r = post(BASE, tokenFor("manager"), body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    void assertField(Response r, String field, String rule) {
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        if (rule != null) {
            assertThat(r.json().get("errors").get(0).get("rule").asString()).isEqualTo(rule);
        }
    }

    long audits(String type, long id) {
        return jdbc.sql("select count(*) from audit_event where record_type = :t and record_id = :id")
                .param("t", type).param("id", String.valueOf(id)).query(Long.class).single();
    }

    @Test
    void createReadChangeDisableAndDelete() {
        String token = tokenFor("manager");
        JsonNode s = create(weekly(""));
        long id = s.get("id").asLong();
        try {
            assertThat(s.get("cadence").asString()).isEqualTo("WEEKLY");
            assertThat(s.get("time").asString()).isEqualTo("08:00");
            assertThat(s.get("enabled").asBoolean()).isTrue();
            assertThat(s.get("recipients").size()).isEqualTo(2);
            assertThat(s.get("nextRun").asString()).endsWith("08:00");
            assertThat(java.time.Instant.parse(s.get("nextRunAt").asString()).atZone(java.time.ZoneId.of("Asia/Shanghai"))
                    .getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
            assertThat(s.get("when").asString()).isEqualTo("每周一 08:00");
            assertThat(call("GET", BASE + "/" + id, token, null, "Accept-Language", "en").json().get("when").asString())
                    .isEqualTo("Every Monday at 08:00");
            assertThat(get(BASE, token).json().valueStream().anyMatch(n -> n.get("id").asLong() == id)).isTrue();
            assertThat(audits("report-schedule", id)).isEqualTo(1);

            long version = s.get("version").asLong();
            Response changed = put(BASE + "/" + id, token, weekly(",'time':'09:30','formats':['PDF'],'version':" + version)
                    .replace("\"time\":\"08:00\",", ""));
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
            assertThat(changed.json().get("time").asString()).isEqualTo("09:30");
            assertThat(changed.json().get("formats").size()).isEqualTo(1);
            assertThat(changed.json().get("version").asLong()).isGreaterThan(version);

            // the version the other editor saw is stale now
            Response stale = put(BASE + "/" + id, token, weekly(",'version':" + version));
            assertThat(stale.status()).as(stale.body()).isEqualTo(409);
            assertField(put(BASE + "/" + id, token, weekly("")), "version", "required");

            Response off = post(BASE + "/" + id + "/disable", token, null);
            assertThat(off.status()).isEqualTo(200);
            assertThat(off.json().get("enabled").asBoolean()).isFalse();
            assertThat(off.json().get("nextRunAt").isNull()).isTrue();
            assertThat(audits("report-schedule", id)).isEqualTo(3);
        } finally {
            assertThat(delete(BASE + "/" + id, token).status()).isEqualTo(204);
        }
        assertThat(get(BASE + "/" + id, token).status()).isEqualTo(404);
        assertThat(audits("report-schedule", id)).isEqualTo(4);
    }

    @Test
    void everyRuleIsA422NamingTheField() {
        String token = tokenFor("manager");
        long sup = userId("supervisor");
        assertField(post(BASE, token, j("{'dayOfWeek':'MONDAY','time':'08:00','formats':['PDF'],'recipientIds':[" + sup + "]}")),
                "reportKind", "required");
        assertField(post(BASE, token, weekly(",'time':'25:00'").replace("\"time\":\"08:00\",", "")), "time", "format");
        assertField(post(BASE, token, weekly(",'time':'8 Uhr'").replace("\"time\":\"08:00\",", "")), "time", "format");
        assertField(post(BASE, token, weekly("").replace("\"time\":\"08:00\",", "")), "time", "format");
        assertField(post(BASE, token, weekly("").replace("\"dayOfWeek\":\"MONDAY\",", "")), "dayOfWeek", "required");
        assertField(post(BASE, token, weekly(",'cadence':'MONTHLY'")), "cadence", "matches-report-kind");
        assertField(post(BASE, token, weekly("").replace("\"formats\":[\"PDF\",\"XLSX\"],", "")), "formats", "required");
        assertField(post(BASE, token, j("{'reportKind':'WEEKLY','dayOfWeek':'MONDAY','time':'08:00','formats':['PDF'],'recipientIds':[]}")),
                "recipientIds", "required");
        assertField(post(BASE, token, j("{'reportKind':'WEEKLY','dayOfWeek':'MONDAY','time':'08:00','formats':['PDF'],'recipientIds':[987654321]}")),
                "recipientIds", "exists");
        String monthly = "{'reportKind':'CUSTOMER_MONTHLY','dayOfMonth':1,'time':'08:00','formats':['PDF'],'recipientIds':[" + sup + "]";
        assertField(post(BASE, token, j(monthly + "}")), "customerId", "required");
        assertField(post(BASE, token, j(monthly + ",'customerId':987654321}")), "customerId", "exists");
        assertField(post(BASE, token, j(monthly.replace("'dayOfMonth':1", "'dayOfMonth':32") + ",'customerId':1}")),
                "dayOfMonth", "range");
        String yearly = "{'reportKind':'MANAGEMENT_REVIEW','time':'09:00','formats':['PDF'],'recipientIds':[" + sup + "]";
        assertField(post(BASE, token, j(yearly + ",'dayOfMonth':5}")), "month", "range");
        assertField(post(BASE, token, j(yearly + ",'month':2,'dayOfMonth':30}")), "dayOfMonth", "range");
        // an unknown report kind is not JSON the API understands
        assertThat(post(BASE, token, weekly("").replace("WEEKLY", "DAILY")).status()).isEqualTo(400);
        // the message is in the caller's language
        Response en = call("POST", BASE, token, weekly("").replace("\"dayOfWeek\":\"MONDAY\",", ""), "Accept-Language", "en");
        assertThat(en.json().get("errors").get(0).get("message").asString()).isEqualTo("Choose the day of the week.");

        JsonNode yearlyOk = create(j(yearly + ",'month':1,'dayOfMonth':5}"));
        assertThat(yearlyOk.get("cadence").asString()).isEqualTo("YEARLY");
        assertThat(delete(BASE + "/" + yearlyOk.get("id").asLong(), token).status()).isEqualTo(204);
    }

    @Test
    void staffAndSupervisorsAreRefused() {
        for (String user : new String[] {"staff", "supervisor"}) {
            String token = tokenFor(user);
            assertThat(get(BASE, token).status()).isEqualTo(403);
            assertThat(post(BASE, token, weekly("")).status()).isEqualTo(403);
            assertThat(get("/api/v1/report-deliveries", token).status()).isEqualTo(403);
        }
        assertThat(get(BASE, null).status()).isEqualTo(401);
    }

    @Test
    void runNowWithoutAMailServerFailsWithItsBackoffAndRetryTriesAgain() {
        String token = tokenFor("manager");
        JsonNode s = create(weekly(""));
        long id = s.get("id").asLong();
        try {
            Response run = post(BASE + "/" + id + "/run-now", token, null);
            assertThat(run.status()).as(run.body()).isEqualTo(200);
            JsonNode d = run.json();
            assertThat(d.get("status").asString()).isEqualTo("FAILED");
            assertThat(d.get("attempts").asInt()).isEqualTo(1);
            assertThat(d.get("errorCode").asString()).isEqualTo("NO_MAIL_SERVER");
            assertThat(d.get("statusLabel").asString()).isEqualTo("失败，等待重试");
            assertThat(d.get("period").get("kind").asString()).isEqualTo("WEEK");
            assertThat(java.time.LocalDate.parse(d.get("period").get("first").asString()).getDayOfWeek())
                    .isEqualTo(java.time.DayOfWeek.MONDAY);
            java.time.Instant next = java.time.Instant.parse(d.get("nextAttemptAt").asString());
            assertThat(java.time.Duration.between(java.time.Instant.now(), next).toSeconds()).isBetween(0L, 61L);
            long deliveryId = d.get("id").asLong();

            JsonNode log = get("/api/v1/report-deliveries?scheduleId=" + id, token).json();
            assertThat(log.size()).isEqualTo(1);
            assertThat(call("GET", "/api/v1/report-deliveries?scheduleId=" + id, token, null, "Accept-Language", "en")
                    .json().get(0).get("statusLabel").asString()).isEqualTo("Failed, will retry");
            assertThat(get("/api/v1/report-deliveries?scheduleId=" + id + "&status=SENT", token).json().size()).isZero();

            Response retry = post("/api/v1/report-deliveries/" + deliveryId + "/retry", token, null);
            assertThat(retry.status()).as(retry.body()).isEqualTo(200);
            assertThat(retry.json().get("status").asString()).isEqualTo("FAILED");
            assertThat(retry.json().get("attempts").asInt()).isEqualTo(1);
            assertThat(audits("report-delivery", deliveryId)).isEqualTo(2);

            // the eighth failed attempt gives up; a DEAD delivery can be retried, a SENT one cannot
            java.time.Instant now = java.time.Instant.now();
            jdbc.sql("update report_delivery set attempts = 7, next_attempt_at = :t where id = :id")
                    .param("t", java.sql.Timestamp.from(now.minusSeconds(1))).param("id", deliveryId).update();
            deliveries.deliverDue(now);
            JsonNode dead = get("/api/v1/report-deliveries/" + deliveryId, token).json();
            assertThat(dead.get("status").asString()).isEqualTo("DEAD");
            assertThat(dead.get("attempts").asInt()).isEqualTo(8);
            assertThat(dead.get("nextAttemptAt").isNull()).isTrue();
            assertThat(dead.get("retryable").asBoolean()).isTrue();
            Response revived = post("/api/v1/report-deliveries/" + deliveryId + "/retry", token, null);
            assertThat(revived.json().get("status").asString()).isEqualTo("FAILED");
            assertThat(revived.json().get("attempts").asInt()).isEqualTo(1);
            jdbc.sql("update report_delivery set status = 'SENT' where id = :id").param("id", deliveryId).update();
            Response notAgain = post("/api/v1/report-deliveries/" + deliveryId + "/retry", token, null);
            assertThat(notAgain.status()).isEqualTo(409);
            assertThat(notAgain.json().get("code").asString()).isEqualTo("report-delivery-not-retryable");
            assertThat(post("/api/v1/report-deliveries/987654321/retry", token, null).status()).isEqualTo(404);

            // a schedule with a delivery log is not deleted, only disabled
            assertThat(delete(BASE + "/" + id, token).status()).isEqualTo(409);
        } finally {
            post(BASE + "/" + id + "/disable", token, null);
        }
    }
}
