package com.careloop.complaint.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.careloop.complaint.stats.StatsFixture.Row;
import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * The statistics rollup changes no figure: the same data gives the same statistics and annual summary before
 * and after the job ran (whole months from the rollup, partial months and what is not settled live), for a
 * reader of all complaints and a department head. The data: 2013 (no other test's), reset to "nothing rolled"
 * before each test.
 *
 * <pre>
 * code        received (+08:00)  category            severity cause         dept  by        closed after
 * R13-1       2013-01-05 10:00   PRODUCT_QUALITY     MAJOR    PROCESS       ENG   complaints  2 d 5 h
 * R13-2       2013-01-31 23:30   PRODUCT_QUALITY     GENERAL  RAW_MATERIAL  PROD  complaints  1 d 30 min
 * R13-3       2013-02-01 00:30   DELIVERY_LOGISTICS  GENERAL  PROCESS       ENG   complaints  7 d (late)
 * R13-4       2013-02-14 09:00   PRICE_FEES          MAJOR    -             PROD  depthead    3 h, never acknowledged
 * R13-5       2013-02-20 09:00   STAFF_ATTITUDE      GENERAL  OTHER         -     complaints  open
 * R13-6       2013-02-28 23:59   PRODUCT_QUALITY     GENERAL  PROCESS       ENG   complaints  4 d 23 h 59 min
 * R13-7       2013-03-10 10:00   PRODUCT_QUALITY     GENERAL  PROCESS       PROD  complaints  10 d, repeat of R13-1
 * R13-8       2013-04-02 08:00   -                   -        -             -     complaints  1 h
 * </pre>
 */
class ComplaintStatsRollupApiTest extends ApiTestBase {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String PREFIX = "R13-";
    static final String[] GROUPS = {"CATEGORY", "SEVERITY", "CAUSE", "DEPARTMENT", "PRODUCT", "MONTH"};
    /**
     * Partial months at both ends counted live, and taken off rolled-up months (#1 and #3, #6 outside), the whole
     * year, one whole month, part of one month live and taken off one month (see StatsMath.rolledSpan).
     */
    static final String[][] PERIODS = {{"2013-01-20", "2013-03-15"}, {"2013-01-06", "2013-03-28"},
            {"2013-01-01", "2013-12-31"}, {"2013-02-01", "2013-02-28"}, {"2013-02-10", "2013-02-20"},
            {"2013-02-02", "2013-02-27"}};

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ComplaintStatsRollup rollup;

    @BeforeEach
    void data() {
        if (jdbc.sql("select count(*) from complaint where code like 'R13-%'").query(Long.class).single() == 0) {
            long c1 = insert(1, "2013-01-05T10:00", "PRODUCT_QUALITY", "MAJOR", "PROCESS", "ENG", null, 2, 30,
                    Duration.ofHours(53), "complaints");
            insert(2, "2013-01-31T23:30", "PRODUCT_QUALITY", "GENERAL", "RAW_MATERIAL", "PROD", null, 1, 20,
                    Duration.ofMinutes(1470), "complaints");
            insert(3, "2013-02-01T00:30", "DELIVERY_LOGISTICS", "GENERAL", "PROCESS", "ENG", null, 30, 80,
                    Duration.ofDays(7), "complaints");
            insert(4, "2013-02-14T09:00", "PRICE_FEES", "MAJOR", null, "PROD", null, null, 2,
                    Duration.ofHours(3), "depthead");
            insert(5, "2013-02-20T09:00", "STAFF_ATTITUDE", "GENERAL", "OTHER", null, null, 5, null, null, "complaints");
            insert(6, "2013-02-28T23:59", "PRODUCT_QUALITY", "GENERAL", "PROCESS", "ENG", null, 3, 10,
                    Duration.ofMinutes(7199), "complaints");
            insert(7, "2013-03-10T10:00", "PRODUCT_QUALITY", "GENERAL", "PROCESS", "PROD", c1, 4, 50,
                    Duration.ofDays(10), "complaints");
            insert(8, "2013-04-02T08:00", null, null, null, null, null, null, null, Duration.ofHours(1), "complaints");
        }
        // nothing of 2013 rolled up: the statistics are all live; #9 is the complaint one test closes later
        jdbc.sql("delete from complaint where code = 'R13-9'").update();
        rollup.forget(2013);
    }

    private long insert(int n, String received, String category, String severity, String cause, String department,
                        Long repeatOf, Integer ackHours, Integer replyHours, Duration closeAfter, String by) {
        return StatsFixture.insert(jdbc, new Row(PREFIX + n, OffsetDateTime.parse(received + ":00+08:00").toInstant(),
                910_000 + n % 4, category, severity, cause, department, "R13-" + (char) ('A' + n % 3), repeatOf,
                ackHours, replyHours, closeAfter, by));
    }

    /** Every statistics response for the periods and groupings, and the annual summary, of one user. */
    private Map<String, JsonNode> snapshot(String user, String[][] periods) {
        Map<String, JsonNode> all = new LinkedHashMap<>();
        for (String[] p : periods) {
            for (String g : GROUPS) {
                String path = "/api/v1/complaints/statistics?from=" + p[0] + "&to=" + p[1] + "&groupBy=" + g;
                all.put(path, ok(path, user));
            }
        }
        String annual = "/api/v1/complaints/annual?year=" + periods[0][0].substring(0, 4);
        all.put(annual, ok(annual, user));
        return all;
    }

    private JsonNode ok(String path, String user) {
        Response r = get(path, tokenFor(user));
        assertThat(r.status()).as(path + " " + r.body()).isEqualTo(200);
        return r.json();
    }

    private long rolled(String codes) {
        return jdbc.sql("select count(*) from complaint c where " + ComplaintStatsRollup.IN_ROLLUP + " and c.code like :c")
                .param("c", codes).query(Long.class).single();
    }

    @Test
    void theSameStatisticsBeforeAndAfterTheRollupForAllAndForADepartmentHead() {
        Map<String, JsonNode> gm = snapshot("gm", PERIODS);
        Map<String, JsonNode> head = snapshot("depthead", PERIODS);
        assertThat(gm.get("/api/v1/complaints/statistics?from=2013-01-01&to=2013-12-31&groupBy=CATEGORY")
                .get("total").get("count").asLong()).isEqualTo(8);
        // partial months taken off rolled-up ones count only the period's days: #2-#7, then #4 and #5
        JsonNode taken = gm.get("/api/v1/complaints/statistics?from=2013-01-06&to=2013-03-28&groupBy=CATEGORY").get("total");
        assertThat(taken.get("count").asLong()).isEqualTo(6);
        assertThat(taken.get("closed").asLong()).isEqualTo(5);
        assertThat(gm.get("/api/v1/complaints/statistics?from=2013-02-02&to=2013-02-27&groupBy=MONTH").get("rows")
                .get(0).get("count").asLong()).isEqualTo(2);
        // the department head sees 工程部's (#1, #3, #6) and what he received himself (#4)
        assertThat(head.get("/api/v1/complaints/statistics?from=2013-01-01&to=2013-12-31&groupBy=CATEGORY")
                .get("total").get("count").asLong()).isEqualTo(4);

        rollup.rollup(Instant.now());

        assertThat(rolled("R13-%")).isEqualTo(7);                       // all but the open #5
        assertThat(jdbc.sql("select count(*) from complaint_stats_month where dim = 'SEVERITY'"
                + " and stats_month = date '2013-02-01'").query(Long.class).single()).isPositive();
        assertThat(snapshot("gm", PERIODS)).isEqualTo(gm);
        assertThat(snapshot("depthead", PERIODS)).isEqualTo(head);
    }

    @Test
    void aComplaintClosedAfterARollupRecomputesItsMonthWithTheSameFigures() {
        rollup.rollup(Instant.now());
        insert(9, "2013-02-10T12:00", "PRODUCT_QUALITY", "GENERAL", "EQUIPMENT", "ENG", null, 1, 2, null, "complaints");
        rollup.rollup(Instant.now());
        assertThat(rolled("R13-9")).isZero();                           // open: live
        Map<String, JsonNode> open = snapshot("gm", PERIODS);
        assertThat(open.get("/api/v1/complaints/statistics?from=2013-02-01&to=2013-02-28&groupBy=CATEGORY")
                .get("total").get("closed").asLong()).isEqualTo(3);     // #3, #4, #6

        // it closes after the rollup: live until the next run, which recomputes February alone
        jdbc.sql("update complaint set status = 'CLOSED', closed_at = received_at + interval '2' day where code = 'R13-9'")
                .update();
        Map<String, JsonNode> closed = snapshot("gm", PERIODS);
        assertThat(closed.get("/api/v1/complaints/statistics?from=2013-02-01&to=2013-02-28&groupBy=CATEGORY")
                .get("total").get("closed").asLong()).isEqualTo(4);
        ComplaintStatsRollup.Result r = rollup.rollup(Instant.now());
        assertThat(r.months()).isEqualTo(1);
        assertThat(r.complaints()).isEqualTo(1);
        assertThat(rolled("R13-9")).isOne();
        assertThat(snapshot("gm", PERIODS)).isEqualTo(closed);
    }

    @Test
    void theRollupIsIdempotent() {
        rollup.rollup(Instant.now());
        List<Map<String, Object>> rows = rollupRows();
        assertThat(rows).isNotEmpty();
        ComplaintStatsRollup.Result again = rollup.rollup(Instant.now());
        assertThat(again.months()).isZero();
        assertThat(again.complaints()).isZero();
        assertThat(rollupRows()).isEqualTo(rows);
        // a month recomputed from scratch gives the same rows again
        jdbc.sql("insert into complaint_stats_pending (complaint_id, received_at) select id, received_at from complaint"
                + " where code = 'R13-6'").update();
        assertThat(rollup.rollup(Instant.now()).months()).isEqualTo(1);
        assertThat(rollupRows()).isEqualTo(rows);
    }

    private List<Map<String, Object>> rollupRows() {
        return jdbc.sql("""
                select 'M' t, stats_month, department_id, received_by, dim, k, n, major, repeats, ack_due, ack_ok, reply_due,
                       reply_ok, resolve_due, resolve_ok, closed, close_seconds, 0 hours
                from complaint_stats_month where stats_month >= date '2013-01-01' and stats_month < date '2014-01-01'
                union all
                select 'C', stats_month, department_id, received_by, dim, k, n, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, hours
                from complaint_stats_close where stats_month >= date '2013-01-01' and stats_month < date '2014-01-01'
                union all
                select 'Y', null, department_id, received_by, 'CUSTOMER', cast(customer_id as varchar(20)), n, 0, repeats,
                       0, 0, 0, 0, 0, 0, 0, 0, 0
                from complaint_stats_customer where stats_year = 2013
                order by 1, 2, 3, 4, 5, 6, 18""").query().listOfRows().stream()
                .map(m -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    m.forEach((k, v) -> row.put(k, v instanceof Number num ? (Object) new java.math.BigDecimal(num.toString())
                            .stripTrailingZeros() : v));
                    return row;
                }).toList();
    }

    @Test
    void aComplaintSettlesOnlyOnceItsLastDeadlineHasPassed() {
        // received 5 days and 30 minutes ago, closed a day later: the resolve deadline passed 30 minutes ago
        Instant now = Instant.now();
        Instant received = now.minus(Duration.ofDays(5)).minus(Duration.ofMinutes(30));
        String code = "R13-S" + now.toEpochMilli();
        StatsFixture.insert(jdbc, new Row(code, received, 910_009, "PRODUCT_QUALITY", "GENERAL", "PROCESS", "ENG", "R13-S",
                null, 1, 2, Duration.ofDays(1), "complaints"));
        YearMonth month = YearMonth.from(received.atZone(ZONE));
        String[][] periods = {{month.atDay(1).toString(), month.atEndOfMonth().toString()}};
        Map<String, JsonNode> before = snapshot("gm", periods);

        rollup.rollup(now.minus(Duration.ofHours(1)));                 // an hour ago its deadline was ahead
        assertThat(rolled(code)).isZero();
        assertThat(snapshot("gm", periods)).isEqualTo(before);

        rollup.rollup(Instant.now());
        assertThat(rolled(code)).isOne();
        assertThat(snapshot("gm", periods)).isEqualTo(before);
        assertThat(before.get("/api/v1/complaints/statistics?from=" + periods[0][0] + "&to=" + periods[0][1]
                + "&groupBy=PRODUCT").get("rows").valueStream().filter(r -> r.get("key").asString().equals("R13-S"))
                .findFirst().orElseThrow().get("closed").asLong()).isOne();
    }

    @Test
    void theRollupCannotLookAheadOfTheClock() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> rollup.rollup(Instant.now().plus(Duration.ofHours(1))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
