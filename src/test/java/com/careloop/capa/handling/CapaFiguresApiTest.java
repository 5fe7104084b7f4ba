package com.careloop.capa.handling;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.Figure;
import com.careloop.platform.FigureQuery;
import com.careloop.platform.FigureQuery.Purpose;
import com.careloop.platform.FigureTable;
import com.careloop.platform.ReportPeriod;
import com.careloop.platform.SignedInAs;
import com.careloop.platform.WorkCount;
import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * The CAPA figures on a fixed data set in March 2014 (no other record is that old), "today" 2014-03-20 noon in
 * Shanghai through an injected clock; the drill-downs list the CAPAs counted.
 *
 * <pre>
 * CAPA  opened      status                source            actions (due, done at +08:00)                 checks
 * KF-1  2014-03-03  CLOSED 2014-03-20     COMPLAINT         a1 03-10 done 03-11 07:00 (late: 03-10 23:00 UTC)  effective 03-19
 *                                                           a5 03-10 done 03-10 09:00 (on time)
 * KF-2  2014-03-05  ACTIONS_PLANNED       COMPLAINT, AUDIT  a2 03-12 open (overdue), a3 03-25 open (not due)
 * KF-3  2014-02-20  VERIFICATION_PENDING  MANUAL            a4 03-15 done 03-14 10:00 (on time)              not effective 03-18
 * </pre>
 * Plan completion of March: a1, a2, a4, a5 decided (a3 not yet due), done by the due day a4, a5: 2 / 4.
 */
class CapaFiguresApiTest extends ApiTestBase {

    static final ReportPeriod MARCH = ReportPeriod.month(YearMonth.of(2014, 3));

    @Autowired
    JdbcClient jdbc;
    @Autowired
    CareLoopProperties properties;
    @Autowired
    SignedInAs signedInAs;
    @Autowired
    CurrentUsers users;
    @Autowired
    CapaFigures liveFigures;

    CapaFigures figures;

    @BeforeEach
    void data() {
        Clock clock = Clock.fixed(at("2014-03-20T12:00"), properties.zone());
        figures = new CapaFigures(jdbc, clock, properties);
        if (jdbc.sql("select count(*) from capa where code like 'KF-%'").query(Long.class).single() > 0) {
            return;
        }
        long quality = userId("quality");
        long k1 = capa("KF-1", "2014-03-03T10:00", "CLOSED", "2014-03-20T09:00");
        long k2 = capa("KF-2", "2014-03-05T10:00", "ACTIONS_PLANNED", null);
        long k3 = capa("KF-3", "2014-02-20T10:00", "VERIFICATION_PENDING", null);
        source(k1, "COMPLAINT");
        source(k2, "COMPLAINT");
        source(k2, "AUDIT");
        source(k3, "MANUAL");
        action(k1, quality, "2014-03-10", "2014-03-11T07:00");
        action(k1, quality, "2014-03-10", "2014-03-10T09:00");
        action(k2, quality, "2014-03-12", null);
        action(k2, quality, "2014-03-25", null);
        action(k3, quality, "2014-03-15", "2014-03-14T10:00");
        check(k1, true, "2014-03-19T10:00");
        check(k3, false, "2014-03-18T10:00");
    }

    private static java.time.Instant at(String local) {
        return OffsetDateTime.parse(local + ":00+08:00").toInstant();
    }

    private long userId(String username) {
        return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
    }

    private long capa(String code, String opened, String status, String closed) {
        jdbc.sql("""
                insert into capa (code, status, problem, opened_by, opened_by_name, opened_at, closed_at, created_at,
                                  updated_at)
                values (:code, :status, '报表测试', :by, '总经理', :opened, :closed, :opened, :opened)""")
                .param("code", code).param("status", status).param("by", userId("gm"))
                .param("opened", Timestamp.from(at(opened)))
                .param("closed", closed == null ? null : Timestamp.from(at(closed))).update();
        return jdbc.sql("select id from capa where code = :c").param("c", code).query(Long.class).single();
    }

    private void source(long capa, String type) {
        jdbc.sql("insert into capa_source (capa_id, source_type, source_id, attached_at) values (:c, :t, :c, :now)")
                .param("c", capa).param("t", type).param("now", Timestamp.from(at("2014-03-01T10:00"))).update();
    }

    private void action(long capa, long owner, String due, String done) {
        jdbc.sql("""
                insert into capa_action (capa_id, round_no, description, owner_id, owner_name, due_date, done, done_at,
                                         created_at, created_by)
                values (:c, 0, '整改', :o, '质量经理', :due, :done, :doneAt, :now, 'gm')""")
                .param("c", capa).param("o", owner).param("due", LocalDate.parse(due)).param("done", done != null)
                .param("doneAt", done == null ? null : Timestamp.from(at(done)))
                .param("now", Timestamp.from(at("2014-03-01T10:00"))).update();
    }

    private void check(long capa, boolean effective, String at) {
        jdbc.sql("""
                insert into capa_check (capa_id, round_no, effective, evidence, checked_at, checked_by)
                values (:c, 0, :e, '复查', :at, 'quality')""")
                .param("c", capa).param("e", effective).param("at", Timestamp.from(at(at))).update();
    }

    private Map<String, Figure> figures(FigureQuery query) {
        Map<String, Figure> byCode = new HashMap<>();
        figures.figures(query).forEach(f -> byCode.put(f.code(), f));
        return byCode;
    }

    private CurrentUser user(String username) {
        AtomicReference<CurrentUser> me = new AtomicReference<>();
        signedInAs.run(username, () -> me.set(users.require()));
        return me.get();
    }

    /** The CAPA codes the list API shows for a drill-down link (all pages), the fixture's only. */
    private List<String> listed(String username, String link) {
        assertThat(link).startsWith("/capa?");
        List<String> codes = new ArrayList<>();
        String cursor = null;
        do {
            Response r = get("/api/v1" + link + "&limit=200" + (cursor == null ? "" : "&cursor=" + cursor),
                    tokenFor(username));
            assertThat(r.status()).as(link + " " + r.body()).isEqualTo(200);
            r.json().get("items").forEach(i -> codes.add(i.get("code").asString()));
            JsonNode next = r.json().get("nextCursor");
            cursor = next.isNull() ? null : next.asString();
        } while (cursor != null);
        return codes.stream().filter(c -> c.startsWith("KF-")).sorted().toList();
    }

    @Test
    void marchsFiguresCountedByHandAndListedByTheirDrillDowns() {
        Map<String, Figure> f = figures(new FigureQuery(MARCH, FigureQuery.company(), null, Purpose.DASHBOARD));
        assertThat(f.get("capa.opened").value()).isEqualByComparingTo("2");
        assertThat(listed("gm", f.get("capa.opened").drillDown())).containsExactly("KF-1", "KF-2");
        assertThat(f.get("capa.closed").value()).isEqualByComparingTo("1");
        assertThat(listed("gm", f.get("capa.closed").drillDown())).containsExactly("KF-1");
        assertThat(f.get("capa.effectivenessRate").numerator()).isEqualTo(1);
        assertThat(f.get("capa.effectivenessRate").denominator()).isEqualTo(2);
        assertThat(f.get("capa.effectivenessRate").value()).isEqualByComparingTo("0.5");
        assertThat(listed("gm", f.get("capa.effectivenessRate").drillDown())).containsExactly("KF-1", "KF-3");
        // on the clock's day (2014-03-20) only KF-2's a2 is past due; every later record is not due yet in 2014
        assertThat(f.get("capa.overdueActions").value()).isEqualByComparingTo("1");
        assertThat(f.get("capa.overdue").value()).isEqualByComparingTo("1");
    }

    @Test
    void planCompletionRateCountsActionsDecidedInThePeriodDoneByTheirDueDayInCompanyTime() {
        Figure rate = figures(new FigureQuery(MARCH, FigureQuery.company(), null, Purpose.WEEKLY))
                .get("capa.planCompletionRate");
        assertThat(rate.numerator()).isEqualTo(2);
        assertThat(rate.denominator()).isEqualTo(4);
        assertThat(rate.value()).isEqualByComparingTo("0.5");
        assertThat(listed("gm", rate.drillDown())).containsExactly("KF-1", "KF-2", "KF-3");
        // a day after a3's due date it is decided too (not done): 2 / 5
        CapaFigures later = new CapaFigures(jdbc, Clock.fixed(at("2014-03-26T09:00"), properties.zone()), properties);
        Figure after = later.figures(new FigureQuery(MARCH, FigureQuery.company(), null, Purpose.WEEKLY)).stream()
                .filter(x -> x.code().equals("capa.planCompletionRate")).findFirst().orElseThrow();
        assertThat(after.numerator()).isEqualTo(2);
        assertThat(after.denominator()).isEqualTo(5);
    }

    @Test
    void bySourceCountsEachCapaOncePerSourceTypeAndListsThem() {
        FigureTable table = figures.tables(new FigureQuery(MARCH, FigureQuery.company(), null, Purpose.WEEKLY)).get(0);
        assertThat(table.code()).isEqualTo("capa.bySource");
        Map<String, FigureTable.Row> rows = new HashMap<>();
        table.rows().forEach(r -> rows.put(r.key(), r));
        assertThat(rows.get("source:COMPLAINT").values().get(0)).isEqualByComparingTo("2");
        assertThat(rows.get("source:AUDIT").values().get(0)).isEqualByComparingTo("1");
        assertThat(listed("gm", rows.get("source:AUDIT").drillDown())).containsExactly("KF-2");
    }

    @Test
    void aStaffMemberSeesOnlyOwnCapas() {
        Map<String, Figure> f = figures(new FigureQuery(MARCH, user("staff").scope(), null, Purpose.DASHBOARD));
        assertThat(f.get("capa.opened").value()).isEqualByComparingTo("0");
        assertThat(f.get("capa.planCompletionRate").denominator()).isZero();
        // the action owner reaches KF-2 through the list's rule
        Map<String, Figure> owner = figures(new FigureQuery(MARCH, user("quality").scope(), null, Purpose.DASHBOARD));
        assertThat(owner.get("capa.opened").value()).isEqualByComparingTo("2");
    }

    @Test
    void myWorkCountsTheActionsIOwnAndLinksToTheirCapas() {
        List<WorkCount> work = liveFigures.work(user("quality"));
        Map<String, WorkCount> byCode = new HashMap<>();
        work.forEach(w -> byCode.put(w.code(), w));
        // a2 and a3 are open (and overdue today, years later)
        assertThat(byCode.get("capa.myActionsOpen").count()).isGreaterThanOrEqualTo(2);
        assertThat(byCode.get("capa.myActionsOverdue").count()).isGreaterThanOrEqualTo(2);
        assertThat(listed("quality", byCode.get("capa.myActionsOpen").link())).containsExactly("KF-2");
        assertThat(listed("quality", byCode.get("capa.myActionsOverdue").link())).containsExactly("KF-2");
        List<WorkCount> gm = liveFigures.work(user("gm"));
        WorkCount owned = gm.stream().filter(w -> w.code().equals("capa.owned")).findFirst().orElseThrow();
        assertThat(listed("gm", owned.link())).contains("KF-2", "KF-3").doesNotContain("KF-1");
    }
}
