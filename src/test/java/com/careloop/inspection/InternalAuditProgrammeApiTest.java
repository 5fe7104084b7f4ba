package com.careloop.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.careloop.support.ApiTestBase;
import com.careloop.support.PageSession;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * The yearly internal audit programme (003-I2) over HTTP: one programme a year; lines per department or key process
 * with the planned month and an auditor who never audits their own department; a line held by an audit of that year
 * (another year's audit is refused) shows the audit and its findings; a line cancelled needs its reason; a line whose
 * month passed unheld is overdue; the page shows the programme.
 */
class InternalAuditProgrammeApiTest extends ApiTestBase {

    static final String BASE = "/api/v1/internal-audit-programmes";

    @Autowired
    JdbcClient jdbc;

    JsonNode ok(Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r.json();
    }

    long user(String username) {
        return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
    }

    long departmentOf(String username) {
        return jdbc.sql("select department_id from app_user where username = :u").param("u", username)
                .query(Long.class).single();
    }

    JsonNode line(JsonNode programme, long lineId) {
        for (JsonNode l : programme.get("lines")) {
            if (l.get("id").asLong() == lineId) {
                return l;
            }
        }
        throw new AssertionError("no line " + lineId + " in " + programme);
    }

    long lastLine(JsonNode programme) {
        long max = 0;
        for (JsonNode l : programme.get("lines")) {
            max = Math.max(max, l.get("id").asLong());
        }
        return max;
    }

    @Test
    void aYearsProgrammePlansIndependentInternalAuditsThatAreHeldByAuditsOfThatYearOrCancelledWithAReason() {
        String q = tokenFor("quality");
        int year = 2060 + (int) (Math.random() * 40);
        assertThat(get(BASE + "?year=" + year, q).status()).isEqualTo(404);
        assertThat(post(BASE, q, j("{'year':1999}")).status()).isEqualTo(422);
        assertThat(post(BASE, tokenFor("staff"), j("{'year':" + year + "}")).status()).isEqualTo(403);
        JsonNode p = ok(post(BASE, q, j("{'year':" + year + "}")), 201);
        long id = p.get("id").asLong();
        assertThat(p.get("title").asString()).contains(String.valueOf(year));
        assertThat(post(BASE, q, j("{'year':" + year + "}")).status()).isEqualTo(409);

        // the auditor never audits their own department; month and subject are checked
        long qaDept = departmentOf("quality");
        Response own = post(BASE + "/" + id + "/lines", q, j("{'departmentId':" + qaDept + ",'plannedMonth':3,"
                + "'auditorUserId':" + user("quality") + "}"));
        assertThat(own.status()).isEqualTo(422);
        assertThat(own.body()).contains("auditorUserId");
        Response month = post(BASE + "/" + id + "/lines", q, j("{'departmentId':" + qaDept + ",'plannedMonth':13,"
                + "'auditorUserId':" + user("manager") + "}"));
        assertThat(month.status()).isEqualTo(422);
        assertThat(month.body()).contains("plannedMonth");
        Response none = post(BASE + "/" + id + "/lines", q, j("{'plannedMonth':4,'auditorUserId':" + user("manager") + "}"));
        assertThat(none.status()).isEqualTo(422);
        assertThat(none.body()).contains("departmentId");

        p = ok(post(BASE + "/" + id + "/lines", q, j("{'departmentId':" + qaDept + ",'plannedMonth':3,"
                + "'auditorUserId':" + user("manager") + ",'note':'IATF 16949 全条款'}")), 201);
        long qaLine = lastLine(p);
        p = ok(post(BASE + "/" + id + "/lines", q, j("{'process':'生产制造','plannedMonth':5,"
                + "'auditorUserId':" + user("depthead") + "}")), 201);
        long processLine = lastLine(p);
        assertThat(p.get("planned").asLong()).isEqualTo(2);
        assertThat(line(p, qaLine).get("auditorName").asString()).isNotBlank();

        // held by an audit of that year only
        long templateId = ok(get("/api/v1/checklist-templates?kind=SUPPLIER&status=PUBLISHED", q), 200).get(0).get("id")
                .asLong();
        String counterpart = "内审" + UUID.randomUUID().toString().substring(0, 8);
        long otherYear = ok(post("/api/v1/audits", q, j("{'templateId':" + templateId + ",'auditDate':'" + (year + 1)
                + "-03-10','counterpart':'" + counterpart + "'}")), 201).get("id").asLong();
        long inYear = ok(post("/api/v1/audits", q, j("{'templateId':" + templateId + ",'auditDate':'" + year
                + "-03-10','counterpart':'" + counterpart + "'}")), 201).get("id").asLong();
        long version = line(p, qaLine).get("version").asLong();
        Response wrongYear = post(BASE + "/" + id + "/lines/" + qaLine + "/held", q,
                j("{'auditId':" + otherYear + ",'version':" + version + "}"));
        assertThat(wrongYear.status()).isEqualTo(422);
        assertThat(wrongYear.body()).contains("auditId");
        p = ok(post(BASE + "/" + id + "/lines/" + qaLine + "/held", q, j("{'auditId':" + inYear + ",'version':" + version
                + "}")), 200);
        JsonNode held = line(p, qaLine);
        assertThat(held.get("status").asString()).isEqualTo("HELD");
        assertThat(held.get("auditId").asLong()).isEqualTo(inYear);
        assertThat(held.get("auditTitle").asString()).contains(counterpart);
        assertThat(held.get("auditStatus").asString()).isEqualTo("PLANNED");
        // held once: a second link is refused
        assertThat(post(BASE + "/" + id + "/lines/" + qaLine + "/held", q, j("{'auditId':" + inYear + "}")).status())
                .isEqualTo(409);

        // a stale edit is refused; cancelling needs a reason
        long pv = line(p, processLine).get("version").asLong();
        ok(put(BASE + "/" + id + "/lines/" + processLine, q, j("{'process':'生产制造','plannedMonth':6,'auditorUserId':"
                + user("depthead") + ",'version':" + pv + "}")), 200);
        assertThat(put(BASE + "/" + id + "/lines/" + processLine, q, j("{'process':'生产制造','plannedMonth':7,"
                + "'auditorUserId':" + user("depthead") + ",'version':" + pv + "}")).status()).isEqualTo(409);
        Response noReason = post(BASE + "/" + id + "/lines/" + processLine + "/cancel", q, j("{}"));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.body()).contains("note");
        p = ok(post(BASE + "/" + id + "/lines/" + processLine + "/cancel", q, j("{'note':'并入管理评审'}")), 200);
        assertThat(line(p, processLine).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(p.get("held").asLong()).isEqualTo(1);
        assertThat(p.get("planned").asLong()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'internal-audit-programme'"
                + " and record_id = :id").param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(6);

        // a past year's line not held is overdue
        int past = 2001 + (int) (Math.random() * 20);
        Response made = post(BASE, q, j("{'year':" + past + "}"));
        long pastId = made.status() == 201 ? made.json().get("id").asLong()
                : ok(get(BASE + "?year=" + past, q), 200).get("id").asLong();
        JsonNode pastProgramme = ok(post(BASE + "/" + pastId + "/lines", q, j("{'process':'文件控制','plannedMonth':2,"
                + "'auditorUserId':" + user("manager") + "}")), 201);
        assertThat(line(pastProgramme, lastLine(pastProgramme)).get("overdue").asBoolean()).isTrue();
        assertThat(pastProgramme.get("overdue").asLong()).isPositive();

        PageSession session = new PageSession(port);
        session.login("quality", DEMO_PASSWORD);
        var page = session.get("/audits/programme?year=" + year + "&lang=zh-CN");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("内部审核方案", "IATF 16949 全条款", counterpart, "已取消");
        var en = session.get("/audits/programme?year=" + year + "&lang=en");
        assertThat(en.body()).contains("Internal audit programme", "1 held, 0 planned, 0 overdue");
    }
}
