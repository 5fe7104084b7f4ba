package com.careloop.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

class AuditTrailTest extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    private long anyEntry() {
        return jdbc.sql("select min(id) from audit_event").query(Long.class).single();
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAnEntry() {
        long id = anyEntry();
        assertThatThrownBy(() -> jdbc.sql("update audit_event set actor = 'mallory' where id = :id").param("id", id).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event where id = :id").param("id", id).update())
                .hasMessageContaining("append-only");
        assertThat(jdbc.sql("select actor from audit_event where id = :id").param("id", id).query(String.class).single())
                .isNotEqualTo("mallory");
    }

    @Test
    void theApiOffersNoWayToChangeOrDeleteEntries() {
        long id = anyEntry();
        String admin = tokenFor("admin");
        assertThat(put("/api/v1/audit-events/" + id, admin, "{}").status()).isIn(404, 405);
        assertThat(delete("/api/v1/audit-events/" + id, admin).status()).isIn(404, 405);
        assertThat(post("/api/v1/audit-events", admin, "{}").status()).isIn(404, 405);
    }

    @Test
    void theTrailIsSearchedByUserRecordTypeAndDate() {
        String code = "A" + UUID.randomUUID().toString().substring(0, 8);
        Response created = post("/api/v1/departments", tokenFor("admin"), j("{'code':'" + code + "','name':'审计测试'}"));
        String id = created.json().get("id").asString();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        JsonNode page = get("/api/v1/audit-events?actor=admin&recordType=department&from=" + today + "&to=" + today,
                tokenFor("manager")).json();
        assertThat(page.get("items").valueStream().map(e -> e.get("recordId").asString())).contains(id);
        assertThat(page.get("items").valueStream().map(e -> e.get("actor").asString())).containsOnly("admin");

        JsonNode yesterday = get("/api/v1/audit-events?recordType=department&recordId=" + id + "&to="
                + today.minusDays(1), tokenFor("manager")).json();
        assertThat(yesterday.get("items").size()).isZero();
        assertThat(get("/api/v1/audit-events?from=not-a-date", tokenFor("manager")).status()).isEqualTo(400);
    }

    @Test
    void onlyRolesWithAuditViewSeeTheTrail() {
        assertThat(get("/api/v1/audit-events", tokenFor("frontdesk")).status()).isEqualTo(403);
        assertThat(get("/api/v1/audit-events", tokenFor("quality")).status()).isEqualTo(200);
    }

    @Test
    void recordsWhoseLastChangeIsOlderThanTheirRetentionPeriodAreReported() {
        String oldId = "C-" + UUID.randomUUID();
        String recentId = "C-" + UUID.randomUUID();
        Instant fourYearsAgo = Instant.now().minus(4 * 366, ChronoUnit.DAYS);
        insert("contract", oldId, fourYearsAgo);
        insert("contract", recentId, fourYearsAgo);
        insert("contract", recentId, Instant.now().minus(2 * 365, ChronoUnit.DAYS));

        JsonNode report = get("/api/v1/audit-events/past-retention", tokenFor("manager")).json();
        assertThat(report.valueStream().filter(r -> r.get("recordType").asString().equals("contract"))
                .map(r -> r.get("recordId").asString())).contains(oldId).doesNotContain(recentId);
        JsonNode old = report.valueStream().filter(r -> r.get("recordId").asString().equals(oldId)).findFirst().orElseThrow();
        assertThat(old.get("period").asString()).isEqualTo("P3Y");
        assertThat(get("/api/v1/audit-events/past-retention", tokenFor("staff")).status()).isEqualTo(403);
    }

    private void insert(String type, String id, Instant at) {
        jdbc.sql("insert into audit_event (record_type, record_id, action, actor, occurred_at, changes) "
                        + "values (:t, :id, 'CLOSE', 'test', :at, '[]')")
                .param("t", type).param("id", id).param("at", Timestamp.from(at)).update();
    }
}
