package com.careloop.reporting.assessment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.Figure;
import com.careloop.platform.FigureQuery;
import com.careloop.platform.FigureTable;
import com.careloop.platform.ReportPeriod;
import com.careloop.reporting.dashboard.FigureSources;
import com.careloop.reporting.kpi.AssessmentScoring;
import com.careloop.reporting.kpi.KpiTarget;
import com.careloop.reporting.kpi.KpiTargets;
import com.careloop.reporting.report.ReportBuilder;
import com.careloop.reporting.report.ReportContent;
import com.careloop.reporting.report.ReportKind;
import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monthly assessment on real data: a request completed by the repair technician and a staff-attitude complaint
 * naming them, both through the APIs; the KPI rows score the company's month against the month's targets, the total
 * is their sum and the technician's agent row joins the per-agent tables of the service desk, callbacks and complaints.
 */
class MonthlyAssessmentBuilderTest extends ApiTestBase {

    @Autowired List<ReportBuilder> builders;
    @Autowired FigureSources figures;
    @Autowired KpiTargets targets;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired CareLoopProperties properties;

    long user(String username) {
        return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
    }

    long departmentOf(String username) {
        return jdbc.sql("select department_id from app_user where username = :u").param("u", username)
                .query(Long.class).single();
    }

    void ok(Response r) {
        assertThat(r.status()).as(r.body()).isIn(200, 201);
    }

    void completedRequest() {
        Response r = post("/api/v1/service-requests", tokenFor("frontdesk"), j("{'type':'REPAIR','title':'报修"
                + UUID.randomUUID() + "','contactName':'李先生','contactPhone':'13812345678','channel':'PHONE'}"));
        ok(r);
        long id = r.json().get("id").asLong();
        ok(post("/api/v1/service-requests/" + id + "/dispatch", tokenFor("frontdesk"), j("{'departmentId':"
                + departmentOf("staff") + ",'assigneeId':" + user("staff") + "}")));
        ok(post("/api/v1/service-requests/" + id + "/start", tokenFor("staff"), null));
        ok(post("/api/v1/service-requests/" + id + "/complete", tokenFor("staff"), j("{'result':'已更换角阀'}")));
    }

    void complaintAboutStaff() {
        String phone = "139" + String.format("%08d", (long) (Math.random() * 100_000_000L));
        Response c = post("/api/v1/customers", tokenFor("manager"), j("{'name':'客户" + UUID.randomUUID().toString()
                .substring(0, 6) + "','kind':'INDIVIDUAL','phone':'" + phone + "','project':'翠湖花园','room':'3-1202'}"));
        ok(c);
        Response r = post("/api/v1/complaints", tokenFor("complaints"), j("{'customerId':" + c.json().get("id").asLong()
                + ",'channel':'PHONE','content':'维修师傅态度恶劣 " + UUID.randomUUID() + "'}"));
        ok(r);
        long id = r.json().get("id").asLong();
        step(id, "acknowledge", "{'promisedReplyBy':'2099-01-01T10:00:00+08:00'}");
        step(id, "assess", "{'category':'STAFF_ATTITUDE','severity':'GENERAL','departmentId':" + departmentOf("staff")
                + ",'concernedEmployeeId':" + user("staff") + ",'handlerId':" + user("teamleader") + "}");
    }

    void step(long id, String action, String body) {
        long version = get("/api/v1/complaints/" + id, tokenFor("manager")).json().get("version").asLong();
        ok(post("/api/v1/complaints/" + id + "/" + action, tokenFor("manager"),
                j(body.replace("}", ",'version':" + version + "}"))));
    }

    @Test
    void theAssessmentScoresTheMonthAgainstTheTargetsAndRatesEachAgent() {
        completedRequest();
        complaintAboutStaff();
        ReportPeriod month = ReportPeriod.month(YearMonth.from(LocalDate.now(clock.withZone(properties.zone()))));
        ReportBuilder builder = builders.stream().filter(b -> b.kind() == ReportKind.MONTHLY_ASSESSMENT).findFirst()
                .orElseThrow();
        ReportContent content = builder.build(month, null);
        assertThat(content.sections().stream().map(ReportContent.Section::code)).containsExactly("kpis", "total", "agents");

        FigureSources.Collected company = figures.fresh(new FigureQuery(month, FigureQuery.company(), null,
                FigureQuery.Purpose.MONTHLY_ASSESSMENT));
        Map<String, KpiTarget> goals = targets.forMonth(YearMonth.from(month.first()));

        // one KPI row per target, in target order: target and actual in the unit's column pair, points by the rule
        FigureTable kpis = content.sections().get(0).tables().get(0);
        assertThat(kpis.code()).isEqualTo("assessment.kpis");
        assertThat(kpis.rows().stream().map(FigureTable.Row::key))
                .containsExactlyElementsOf(goals.keySet().stream().map(k -> "kpi:" + k).toList());
        List<Figure.Unit> pairs = kpis.units().subList(0, kpis.units().size() - 2);
        BigDecimal sum = BigDecimal.ZERO;
        for (FigureTable.Row row : kpis.rows()) {
            KpiTarget t = goals.get(row.key().substring(4));
            BigDecimal actual = company.figure(t.figureCode()).map(Figure::value).orElse(null);
            int at = pairs.indexOf(t.unit());
            assertThat(row.values().get(at)).as(row.key()).isEqualByComparingTo(t.targetValue());
            assertThat(row.values().get(at + 1)).as(row.key()).isEqualTo(actual);
            BigDecimal points = row.values().get(row.values().size() - 2);
            assertThat(points).as(row.key()).isEqualTo(AssessmentScoring.points(actual, t.targetValue(), t.comparison(),
                    t.scoringRule(), t.points()));
            assertThat(row.values().get(row.values().size() - 1)).isEqualByComparingTo(t.points());
            if (points != null) {
                sum = sum.add(points);
            }
        }
        assertThat(kpis.rows()).anyMatch(r -> r.key().equals("kpi:servicedesk.completedOnTimeRate")
                && r.values().get(pairs.indexOf(Figure.Unit.PERCENT) + 1) != null);

        Figure total = content.sections().get(1).figures().stream().filter(f -> f.code().equals("assessment.total"))
                .findFirst().orElseThrow();
        assertThat(total.value()).isEqualByComparingTo(sum);
        assertThat(total.value()).isBetween(BigDecimal.ZERO, BigDecimal.valueOf(100));

        // the technician: requests completed from servicedesk.perAgent, the complaint from complaint.aboutStaff
        String key = "user:" + user("staff");
        FigureTable agents = content.sections().get(2).tables().get(0);
        FigureTable.Row staff = agents.rows().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
        FigureTable.Row desk = company.table("servicedesk.perAgent").orElseThrow().rows().stream()
                .filter(r -> r.key().equals(key)).findFirst().orElseThrow();
        FigureTable.Row about = company.table("complaint.aboutStaff").orElseThrow().rows().stream()
                .filter(r -> r.key().equals(key)).findFirst().orElseThrow();
        FigureTable.Row callbacks = company.table("callback.perHandler").orElseThrow().rows().stream()
                .filter(r -> r.key().equals(key)).findFirst().orElse(null);
        assertThat(staff.values().get(0)).isEqualTo(desk.values().get(0)).isPositive();
        assertThat(staff.values().get(1)).isEqualTo(desk.values().get(1));
        assertThat(staff.values().get(4)).isEqualTo(about.values().get(0)).isPositive();
        BigDecimal satisfied = callbacks == null ? null : callbacks.values().get(1);
        assertThat(staff.values().get(3)).isEqualTo(satisfied);
        assertThat(staff.values().get(5)).isEqualTo(AssessmentScoring.agentScore(desk.values().get(1),
                goals.get("servicedesk.completedOnTimeRate").targetValue(), satisfied,
                goals.get("callback.satisfiedRate").targetValue(), about.values().get(0).longValue()));
        assertThat(agents.rows()).allMatch(r -> r.key().startsWith("user:"));
        assertThat(agents.rows().stream().map(FigureTable.Row::key).distinct().count()).isEqualTo(agents.rows().size());
    }
}
