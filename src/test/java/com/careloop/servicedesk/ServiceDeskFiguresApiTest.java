package com.careloop.servicedesk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.Figure;
import com.careloop.platform.FigureQuery;
import com.careloop.platform.FigureQuery.Purpose;
import com.careloop.platform.FigureTable;
import com.careloop.platform.ReportPeriod;
import com.careloop.platform.WorkCount;
import com.careloop.platform.org.Accounts;
import com.careloop.servicedesk.ServiceDeskViews.GroupBy;
import com.careloop.servicedesk.ServiceDeskViews.StatisticsRow;
import com.careloop.servicedesk.request.ServiceDeskFigures;
import com.careloop.servicedesk.request.ServiceDeskWork;
import com.careloop.servicedesk.request.ServiceRequestStatistics;
import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service desk's reporting figures are the statistics of /service-requests/statistics for the same period and the
 * same reader's scope, and each drill-down lists exactly the requests counted (H2 and PostgreSQL).
 */
class ServiceDeskFiguresApiTest extends ApiTestBase {

    static final String BASE = "/api/v1/service-requests";

    @Autowired ServiceDeskFigures figures;
    @Autowired ServiceDeskWork work;
    @Autowired ServiceRequestStatistics statistics;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired CareLoopProperties properties;

    CurrentUser user(String username) {
        long id = jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
        return accounts.currentUser(id).orElseThrow();
    }

    long department(String code) {
        return jdbc.sql("select id from department where code = :c").param("c", code).query(Long.class).single();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(properties.zone()));
    }

    long request(String title) {
        Response r = post(BASE, tokenFor("frontdesk"), ("{'type':'REPAIR','title':'" + title + "','contactName':'李先生',"
                + "'contactPhone':'13812345678','channel':'PHONE'}").replace('\'', '"'));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    void step(String username, long id, String action, String body) {
        Response r = post(BASE + "/" + id + "/" + action, tokenFor(username), body == null ? null : body.replace('\'', '"'));
        assertThat(r.status()).as(action + ": " + r.body()).isIn(200, 201);
    }

    /** A request handled to completion by the repair staff today, one dispatched and one waiting for dispatch. */
    void someWorkToday() {
        long done = request("报修" + UUID.randomUUID());
        step("frontdesk", done, "dispatch", "{'departmentId':" + department("ENG-REPAIR") + ",'assigneeId':"
                + user("staff").id() + "}");
        step("staff", done, "start", null);
        step("staff", done, "complete", "{'result':'已更换角阀'}");
        long dispatched = request("报修" + UUID.randomUUID());
        step("frontdesk", dispatched, "dispatch", "{'departmentId':" + department("ENG-REPAIR") + ",'assigneeId':"
                + user("staff").id() + "}");
        request("报修" + UUID.randomUUID());
    }

    static BigDecimal four(Double share) {
        return share == null ? null : BigDecimal.valueOf(share).setScale(4, RoundingMode.HALF_UP);
    }

    static Figure figure(List<Figure> figures, String code) {
        return figures.stream().filter(f -> f.code().equals(code)).findFirst().orElseThrow(() -> new AssertionError(code));
    }

    static FigureTable table(List<FigureTable> tables, String code) {
        return tables.stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow(() -> new AssertionError(code));
    }

    /** Every item of the queue API at {@code drillDown} (its query string), paged through. */
    long listed(String drillDown, String username) {
        String query = drillDown.substring(drillDown.indexOf('?') + 1);
        long n = 0;
        String cursor = null;
        do {
            JsonNode page = get(BASE + "?limit=200&" + query + (cursor == null ? "" : "&cursor=" + cursor),
                    tokenFor(username)).json();
            n += page.get("items").size();
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);
        return n;
    }

    @Test
    void theFiguresEqualTheStatisticsOfTheSamePeriodAndScopeAndTheDrillDownsListWhatTheyCount() {
        someWorkToday();
        for (String username : List.of("manager", "depthead", "staff")) {
            CurrentUser me = user(username);
            for (ReportPeriod period : List.of(ReportPeriod.month(YearMonth.from(today())), ReportPeriod.year(today().getYear()),
                    ReportPeriod.week(today()))) {
                var from = period.from(properties.zone());
                var to = period.to(properties.zone());
                var query = new FigureQuery(period, me.scope(), null, Purpose.MONTHLY_ASSESSMENT);
                List<Figure> got = figures.figures(query);
                StatisticsRow total = statistics.statistics(GroupBy.TYPE, from, to, me).get(0);
                String as = username + " " + period;
                assertThat(figure(got, "servicedesk.registered").value().longValue()).as(as).isEqualTo(total.count());
                assertThat(figure(got, "servicedesk.respondedOnTimeRate").value()).as(as).isEqualTo(four(total.onTimeResponseRate()));
                assertThat(figure(got, "servicedesk.completedOnTimeRate").value()).as(as).isEqualTo(four(total.onTimeCompletionRate()));
                assertThat(figure(got, "servicedesk.firstContactRate").value()).as(as).isEqualTo(four(total.firstContactResolutionRate()));
                assertThat(figure(got, "servicedesk.reopenRate").value()).as(as).isEqualTo(four(total.reopenRate()));
                assertThat(figure(got, "servicedesk.averageHandlingHours").value()).as(as).isEqualTo(total.averageHandlingHours() == null
                        ? null : BigDecimal.valueOf(total.averageHandlingHours()).setScale(2, RoundingMode.HALF_UP));
                assertThat(listed(figure(got, "servicedesk.registered").drillDown(), username)).as(as).isEqualTo(total.count());

                List<FigureTable> tables = figures.tables(query);
                for (GroupBy by : GroupBy.values()) {
                    var rows = statistics.statistics(by, from, to, me);
                    FigureTable t = table(tables, "servicedesk.by" + by.name().charAt(0) + by.name().substring(1).toLowerCase());
                    assertThat(t.rows().stream().map(r -> r.values().get(0).longValue()).toList()).as(as + " " + by)
                            .isEqualTo(rows.subList(1, rows.size()).stream().map(StatisticsRow::count).toList());
                    assertThat(t.rows().stream().map(r -> r.values().get(2)).toList()).as(as + " " + by)
                            .isEqualTo(rows.subList(1, rows.size()).stream().map(r -> four(r.onTimeCompletionRate())).toList());
                    for (FigureTable.Row r : t.rows()) {
                        if (r.drillDown() != null && r.values().get(0).longValue() < 400) {
                            assertThat(listed(r.drillDown(), username)).as(as + " " + r.key()).isEqualTo(r.values().get(0).longValue());
                        }
                    }
                }
                // per agent: completed in the period by the assignee, listed by its drill-down
                for (FigureTable.Row r : table(tables, "servicedesk.perAgent").rows()) {
                    assertThat(r.key()).startsWith("user:");
                    assertThat(listed(r.drillDown(), username)).as(as + " " + r.key()).isEqualTo(r.values().get(0).longValue());
                }
                Figure open = figure(got, "servicedesk.openAtEnd");
                assertThat(listed(open.drillDown(), username)).as(as + " open").isEqualTo(open.value().longValue());
            }
        }
        // scope: the staff member's figures are a part of the department head's, which are a part of the manager's
        var month = ReportPeriod.month(YearMonth.from(today()));
        long staff = registered(month, "staff");
        long head = registered(month, "depthead");
        long manager = registered(month, "manager");
        assertThat(staff).isPositive().isLessThanOrEqualTo(head);
        assertThat(head).isLessThanOrEqualTo(manager);
        long staffId = user("staff").id();
        long own = jdbc.sql("""
                select count(*) from service_request r where r.registered_at >= :from and r.registered_at < :to
                and (r.assignee_id = :u or r.registered_by = :u)""")
                .param("from", java.sql.Timestamp.from(month.from(properties.zone())))
                .param("to", java.sql.Timestamp.from(month.to(properties.zone()))).param("u", staffId)
                .query(Long.class).single();
        assertThat(staff).as("a staff member counts only their own requests").isEqualTo(own);
    }

    long registered(ReportPeriod period, String username) {
        return figure(figures.figures(new FigureQuery(period, user(username).scope(), null, Purpose.DASHBOARD)),
                "servicedesk.registered").value().longValue();
    }

    @Test
    void theWeeklyTablesAndTheDashboardOverdueLinkToWhatTheyCount() {
        someWorkToday();
        CurrentUser manager = user("manager");
        var week = new FigureQuery(ReportPeriod.week(today()), manager.scope(), null, Purpose.WEEKLY);
        List<FigureTable> tables = figures.tables(week);
        for (String code : List.of("servicedesk.dispatchByDepartment", "servicedesk.carriedOver", "servicedesk.keyCustomerMatters")) {
            for (FigureTable.Row r : table(tables, code).rows()) {
                assertThat(listed(r.drillDown(), "manager")).as(code + " " + r.key()).isEqualTo(r.values().get(0).longValue());
            }
        }
        assertThat(table(tables, "servicedesk.dispatchByDepartment").rows()).anyMatch(
                r -> r.key().equals("department:" + department("ENG-REPAIR")) && r.values().get(0).longValue() >= 2);
        Figure overdue = figure(figures.figures(new FigureQuery(ReportPeriod.day(today()), manager.scope(), null,
                Purpose.DASHBOARD)), "servicedesk.overdueNow");
        assertThat(listed(overdue.drillDown(), "manager")).isEqualTo(overdue.value().longValue());
    }

    @Test
    void myWorkCountsWhatTheLinkedQueueShows() {
        someWorkToday();
        for (String username : List.of("staff", "teamleader", "frontdesk")) {
            Map<String, WorkCount> mine = work.work(user(username)).stream()
                    .collect(Collectors.toMap(WorkCount::code, w -> w));
            for (WorkCount w : mine.values()) {
                String link = w.link().replace("tab=unassigned", "unassigned=true");
                assertThat(listed(link, username)).as(username + " " + w.code()).isEqualTo(w.count());
            }
            if (username.equals("staff")) {
                assertThat(mine.get("servicedesk.myOpen").count()).isPositive();
            }
            if (username.equals("teamleader")) {
                assertThat(mine).containsKey("servicedesk.departmentOpen");
            }
            if (username.equals("frontdesk")) {
                assertThat(mine.get("servicedesk.awaitingDispatch").count()).isPositive();
            }
        }
    }
}
