package com.careloop.complaint.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.Figure;
import com.careloop.platform.FigureQuery;
import com.careloop.platform.FigureQuery.Purpose;
import com.careloop.platform.FigureTable;
import com.careloop.platform.ReportPeriod;
import com.careloop.platform.SignedInAs;
import com.careloop.platform.WorkCount;
import com.careloop.platform.WorkSource;
import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * The complaint figures of dashboards and reports equal the statistics page and the annual summary for the same
 * period and scope (the 2015 fixture, {@link StatsFixture}), and each drill-down lists exactly the complaints
 * counted; a staff member's figures are only their own.
 */
class ComplaintFiguresApiTest extends ApiTestBase {

    static final ReportPeriod YEAR = ReportPeriod.year(2015);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ComplaintFigures figures;
    @Autowired
    SignedInAs signedInAs;
    @Autowired
    CurrentUsers users;
    @Autowired
    List<WorkSource> workSources;

    @BeforeEach
    void data() {
        StatsFixture.ensure(jdbc);
    }

    private CurrentUser user(String username) {
        AtomicReference<CurrentUser> me = new AtomicReference<>();
        signedInAs.run(username, () -> me.set(users.require()));
        return me.get();
    }

    private Map<String, Figure> figures(String username, Purpose purpose, ReportPeriod period) {
        Map<String, Figure> byCode = new HashMap<>();
        figures.figures(new FigureQuery(period, user(username).scope(), null, purpose))
                .forEach(f -> byCode.put(f.code(), f));
        return byCode;
    }

    private JsonNode stats(String username, LocalDate from, LocalDate to) {
        Response r = get("/api/v1/complaints/statistics?from=" + from + "&to=" + to + "&groupBy=CAUSE", tokenFor(username));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** How many complaints the list API shows for a drill-down link (all pages). */
    private long listed(String username, String link) {
        assertThat(link).startsWith("/complaints?");
        long n = 0;
        String cursor = null;
        do {
            Response r = get("/api/v1" + link + "&limit=200" + (cursor == null ? "" : "&cursor=" + cursor),
                    tokenFor(username));
            assertThat(r.status()).as(link + " " + r.body()).isEqualTo(200);
            n += r.json().get("items").size();
            cursor = r.json().get("nextCursor").isNull() ? null : r.json().get("nextCursor").asString();
        } while (cursor != null);
        return n;
    }

    private static BigDecimal share(JsonNode rate) {
        return rate.isNull() ? null : BigDecimal.valueOf(rate.asDouble()).setScale(4, RoundingMode.HALF_UP);
    }

    @Test
    void theYearsFiguresEqualTheStatisticsAndTheDrillDownsListThem() {
        JsonNode total = stats("gm", StatsFixture.FROM, StatsFixture.TO).get("total");
        Map<String, Figure> f = figures("gm", Purpose.WEEKLY, YEAR);
        assertThat(f.get("complaint.received").value()).isEqualByComparingTo("8");
        assertThat(f.get("complaint.received").value().longValue()).isEqualTo(total.get("count").asLong());
        assertThat(f.get("complaint.closed").value().longValue()).isEqualTo(total.get("closed").asLong());
        assertThat(f.get("complaint.major").value().longValue()).isEqualTo(total.get("major").asLong());
        assertThat(f.get("complaint.repeat").value().longValue()).isEqualTo(total.get("repeat").asLong());
        assertThat(f.get("complaint.onTimeAcknowledgementRate").value())
                .isEqualByComparingTo(share(total.get("onTimeAcknowledgement")));
        assertThat(f.get("complaint.repeatRate").value()).isEqualByComparingTo(share(total.get("repeatRate")));
        // by hand: acknowledged after 24 h #2 (30 h), never #6; replied after 72 h #2, #5, never #6
        assertThat(f.get("complaint.acknowledgementOverdue").value()).isEqualByComparingTo("2");
        assertThat(f.get("complaint.replyOverdue").value()).isEqualByComparingTo("3");
        assertThat(f.get("complaint.onTimeAcknowledgementRate").numerator()).isEqualTo(6);
        assertThat(f.get("complaint.onTimeAcknowledgementRate").denominator()).isEqualTo(8);
        for (String code : List.of("complaint.received", "complaint.closed", "complaint.major", "complaint.repeat",
                "complaint.acknowledgementOverdue", "complaint.replyOverdue", "complaint.resolutionOverdue")) {
            assertThat(listed("gm", f.get(code).drillDown())).as(code).isEqualTo(f.get(code).value().longValue());
        }
        assertThat(f.get("complaint.claims").value()).isEqualByComparingTo("0");
        assertThat(f.get("complaint.claimedAmount").value()).isEqualByComparingTo("0");
    }

    @Test
    void theParetoOfCausesIsTheStatisticsPagesWithTheCausesListed() {
        JsonNode pareto = stats("gm", StatsFixture.FROM, StatsFixture.TO).get("pareto");
        FigureTable table = figures.tables(new FigureQuery(YEAR, FigureQuery.company(), null, Purpose.DASHBOARD)).stream()
                .filter(t -> t.code().equals("complaint.pareto")).findFirst().orElseThrow();
        assertThat(table.rows()).hasSize(pareto.size());
        for (int i = 0; i < pareto.size(); i++) {
            FigureTable.Row row = table.rows().get(i);
            assertThat(row.key()).isEqualTo("cause:" + pareto.get(i).get("cause").asString());
            assertThat(row.values().get(0).longValue()).isEqualTo(pareto.get(i).get("count").asLong());
            assertThat(row.values().get(2)).isEqualByComparingTo(share(pareto.get(i).get("cumulative")));
            assertThat(listed("gm", row.drillDown())).isEqualTo(pareto.get(i).get("count").asLong());
        }
        assertThat(table.rows().get(0).key()).isEqualTo("cause:PROCESS");
        assertThat(table.rows().get(0).values().get(0)).isEqualByComparingTo("4");
    }

    @Test
    void theManagementReviewHasTheAnnualSummarysMonths() {
        Response r = get("/api/v1/complaints/annual?year=2015", tokenFor("quality"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode months = r.json().get("byMonth");
        List<FigureTable> tables = figures.tables(new FigureQuery(YEAR, user("quality").scope(), null,
                Purpose.MANAGEMENT_REVIEW));
        FigureTable byMonth = tables.stream().filter(t -> t.code().equals("complaint.annualByMonth")).findFirst()
                .orElseThrow();
        assertThat(byMonth.rows()).hasSize(12);
        for (int i = 0; i < 12; i++) {
            assertThat(byMonth.rows().get(i).values().get(0).longValue()).isEqualTo(months.get(i).get("count").asLong());
        }
        assertThat(tables).extracting(FigureTable::code).contains("complaint.byCategory", "complaint.bySeverity",
                "complaint.pareto", "complaint.annualByDepartment", "complaint.topCustomers");
    }

    @Test
    void aDepartmentHeadAndAStaffMemberSeeOnlyTheirScope() {
        JsonNode head = stats("depthead", StatsFixture.FROM, StatsFixture.TO).get("total");
        Map<String, Figure> f = figures("depthead", Purpose.DASHBOARD, YEAR);
        assertThat(f.get("complaint.received").value().longValue()).isEqualTo(head.get("count").asLong())
                .isLessThan(8);
        assertThat(f.get("complaint.closed").value().longValue()).isEqualTo(head.get("closed").asLong());
        // staff received none of the fixture's complaints: own figures only
        Map<String, Figure> staff = figures("staff", Purpose.DASHBOARD, YEAR);
        long own = jdbc.sql("select count(*) from complaint c join app_user u on u.id = c.received_by"
                + " where u.username = 'staff' and c.code like 'ST2015-%'").query(Long.class).single();
        assertThat(staff.get("complaint.received").value().longValue()).isEqualTo(own).isZero();
    }

    @Test
    void complaintsAboutStaffPerAgentForTheMonthlyAssessment() {
        long staffId = user("staff").id();
        jdbc.sql("update complaint set concerned_employee_id = :u, concerned_employee_name = '员工'"
                + " where code = 'ST2015-6'").param("u", staffId).update();
        ReportPeriod may = ReportPeriod.month(java.time.YearMonth.of(2015, 5));
        FigureTable table = figures.tables(new FigureQuery(may, FigureQuery.company(), null,
                Purpose.MONTHLY_ASSESSMENT)).stream().filter(t -> t.code().equals("complaint.aboutStaff"))
                .findFirst().orElseThrow();
        FigureTable.Row row = table.rows().stream().filter(x -> x.key().equals("user:" + staffId)).findFirst()
                .orElseThrow();
        assertThat(row.values().get(0)).isEqualByComparingTo("1");
        assertThat(listed("gm", row.drillDown())).isOne();
    }

    @Test
    void theComplaintRateIsPerThousandRequestsOfTheServiceDeskStatistics() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        ReportPeriod period = ReportPeriod.year(today.getYear());
        Figure rate = figures("gm", Purpose.DASHBOARD, period).get("complaint.ratePerThousandRequests");
        Response desk = get("/api/v1/service-requests/statistics?from=" + period.from(ZoneId.of("Asia/Shanghai"))
                .toString() + "&to=" + period.to(ZoneId.of("Asia/Shanghai")), tokenFor("gm"));
        assertThat(desk.status()).as(desk.body()).isEqualTo(200);
        long requests = desk.json().get(0).get("count").asLong();
        assertThat(rate.denominator()).isEqualTo(requests);
        assertThat(rate.numerator()).isEqualTo(stats("gm", period.first(), period.last()).get("total").get("count")
                .asLong());
        if (requests > 0) {
            assertThat(rate.value()).isEqualByComparingTo(BigDecimal.valueOf(rate.numerator() * 1000)
                    .divide(BigDecimal.valueOf(requests), 2, RoundingMode.HALF_UP));
        }
    }

    @Test
    void myWorkCountsAreTheLengthsOfTheListsTheyLinkTo() {
        jdbc.sql("update complaint set handler_id = (select id from app_user where username = 'complaints')"
                + " where code in ('ST2015-5', 'ST2015-6')").update();
        List<WorkCount> work = new ArrayList<>();
        signedInAs.run("complaints", () -> workSources.forEach(w -> work.addAll(w.work(users.require()))));
        List<WorkCount> mine = work.stream().filter(w -> w.code().startsWith("complaint.")).toList();
        assertThat(mine).extracting(WorkCount::code).contains("complaint.handlingOpen", "complaint.handlingOverdue");
        for (WorkCount w : mine) {
            assertThat(listed("complaints", w.link())).as(w.code()).isEqualTo(w.count());
        }
    }
}
