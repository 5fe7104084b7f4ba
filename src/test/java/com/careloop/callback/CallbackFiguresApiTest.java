package com.careloop.callback;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import com.careloop.callback.task.CallbackFigures;
import com.careloop.callback.task.CallbackWork;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.Figure;
import com.careloop.platform.FigureQuery;
import com.careloop.platform.FigureQuery.Purpose;
import com.careloop.platform.FigureTable;
import com.careloop.platform.ReportPeriod;
import com.careloop.platform.WorkCount;
import com.careloop.platform.org.Accounts;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The callbacks' reporting figures equal /callbacks/stats for the same period; drill-downs list what they count. */
class CallbackFiguresApiTest extends CallbackTestBase {

    static final String BASE = "/api/v1/callbacks";

    @Autowired CallbackFigures figures;
    @Autowired CallbackWork work;
    @Autowired Accounts accounts;
    @Autowired Clock clock;
    @Autowired CareLoopProperties properties;

    LocalDate today() {
        return LocalDate.now(clock.withZone(properties.zone()));
    }

    CurrentUser user(String username) {
        long id = jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
        return accounts.currentUser(id).orElseThrow();
    }

    long manual(long customer) {
        Response r = post(BASE, tokenFor("supervisor"), j("{'customerId':" + customer + ",'due':'" + today()
                + "','method':'PHONE','reason':'人工回访','questions':'是否满意？'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

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

    static Figure figure(List<Figure> figures, String code) {
        return figures.stream().filter(f -> f.code().equals(code)).findFirst().orElseThrow(() -> new AssertionError(code));
    }

    static BigDecimal four(double share) {
        return BigDecimal.valueOf(share).setScale(4, RoundingMode.HALF_UP);
    }

    @Test
    void theFiguresEqualTheCallbackStatisticsAndTheDrillDownsListWhatTheyCount() {
        long customer = customer();
        long a = manual(customer);
        long b = manual(customer);
        manual(customer);
        post(BASE + "/" + a + "/complete", tokenFor("supervisor"), j("{'satisfaction':'SATISFIED'}"));
        post(BASE + "/" + b + "/attempts", tokenFor("supervisor"), null);
        for (ReportPeriod period : List.of(ReportPeriod.day(today()), ReportPeriod.month(YearMonth.from(today())))) {
            var query = new FigureQuery(period, FigureQuery.company(), null, Purpose.MONTHLY_ASSESSMENT);
            List<Figure> got = figures.figures(query);
            JsonNode total = get(BASE + "/statistics?groupBy=PLAN&from=" + period.first() + "&to=" + period.last(),
                    tokenFor("manager")).json().get(0);
            assertThat(figure(got, "callback.due").value().longValue()).isEqualTo(total.get("due").asLong()).isPositive();
            assertThat(figure(got, "callback.made").value().longValue()).isEqualTo(total.get("done").asLong()).isPositive();
            assertThat(figure(got, "callback.coverage").value()).isEqualTo(four(total.get("coverage").asDouble()));
            if (!total.get("averageScore").isNull()) {
                assertThat(figure(got, "callback.averageScore").value())
                        .isEqualTo(BigDecimal.valueOf(total.get("averageScore").asDouble()).setScale(2, RoundingMode.HALF_UP));
            }
            assertThat(listed(figure(got, "callback.due").drillDown(), "manager")).isEqualTo(total.get("due").asLong());
            assertThat(listed(figure(got, "callback.made").drillDown(), "manager")).isEqualTo(total.get("done").asLong());
            FigureTable results = figures.tables(query).stream().filter(t -> t.code().equals("callback.results"))
                    .findFirst().orElseThrow();
            for (FigureTable.Row r : results.rows()) {
                String scale = r.key().substring("satisfaction:".length());
                assertThat(r.values().get(0).longValue()).as(scale).isEqualTo(total.get("satisfaction").get(scale).asLong());
                assertThat(listed(r.drillDown(), "manager")).as(scale).isEqualTo(r.values().get(0).longValue());
            }
        }
        // scope: a staff member counts only the tasks assigned to them
        var month = ReportPeriod.month(YearMonth.from(today()));
        CurrentUser staff = user("staff");
        long own = jdbc.sql("""
                select count(*) from callback_task where status <> 'CANCELLED' and planned_due >= :from
                and planned_due <= :to and assignee_id = :u""").param("from", month.first()).param("to", month.last())
                .param("u", staff.id()).query(Long.class).single();
        assertThat(figure(figures.figures(new FigureQuery(month, staff.scope(), null, Purpose.DASHBOARD)), "callback.due")
                .value().longValue()).isEqualTo(own);
    }

    @Test
    void myCallbackWorkCountsWhatTheLinkedDeskShows() {
        manual(customer());
        List<WorkCount> mine = work.work(user("supervisor"));
        assertThat(mine).extracting(WorkCount::code).contains("callback.myOpen", "callback.dueToday", "callback.overdue");
        for (WorkCount w : mine) {
            assertThat(listed(w.link(), "supervisor")).as(w.code()).isEqualTo(w.count());
        }
        assertThat(mine.stream().filter(w -> w.code().equals("callback.dueToday")).findFirst().orElseThrow().count())
                .isPositive();
    }
}
