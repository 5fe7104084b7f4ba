package com.careloop.bench;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.careloop.complaint.stats.ComplaintStatsRollup;
import com.careloop.platform.FigureQuery;
import com.careloop.platform.FigureSource;
import com.careloop.platform.ReportPeriod;
import com.careloop.survey.template.SurveyTemplates;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reporting on a real PostgreSQL server (issue 15): with 1,000,000 service requests, 500,000 complaints, 200,000
 * survey responses and 100,000 CAPAs ({@link ReportingData}, loaded once), the manager's dashboard
 * ({@code GET /api/v1/dashboards/me?period=MONTH}, goal p95 &lt;= 300 ms), the weekly report ({@code POST
 * /api/v1/reports}, &lt;= 1 s), the management review of a year (generate + {@code GET /api/v1/reports/{id}/pdf},
 * &lt;= 5 s with a 256 MB heap: run it with {@code -DargLine=-Xmx256m}) and whether generating blocks the pages (a
 * list API's p95 while management reviews are generated against the same list idle, in one run). Not a test: run
 * it with {@code CARELOOP_DB_URL=jdbc:postgresql://localhost:5432/careloop_report_bench CARELOOP_DB_USER=careloop
 * CARELOOP_DB_PASSWORD=careloop ./mvnw test -Pbench -Dtest=ReportingBench -DargLine=-Xmx256m}. Each figure source's
 * own time per purpose is measured too (called in-process), so a missed goal names its source.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"careloop.demo-data=${bench.demo-data:false}", "careloop.admin-password=bench-admin-pw",
                "spring.datasource.hikari.maximum-pool-size=8", "careloop.complaint.scan-interval=PT24H",
                "careloop.capa.scan-interval=PT24H", "careloop.servicedesk.scan-interval=PT24H",
                "careloop.complaint.stats-initial-delay=PT24H", "careloop.survey.scan-interval=PT24H"})
class ReportingBench {

    static final int CALLS = Integer.getInteger("bench.calls", 100);
    static final int WEEKLY_RUNS = Integer.getInteger("bench.weeklyRuns", 10);
    static final int REVIEW_RUNS = Integer.getInteger("bench.reviewRuns", 5);
    static final int SOURCE_RUNS = Integer.getInteger("bench.sourceRuns", 3);
    static final String ONLY = System.getProperty("bench.only", "");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    SurveyTemplates templates;
    @Autowired
    ComplaintStatsRollup rollup;
    @Autowired
    List<FigureSource> sources;
    @Autowired
    Clock clock;
    @LocalServerPort
    int port;
    @Value("${spring.datasource.url}")
    String url;

    final HttpClient http = HttpClient.newHttpClient();
    final ZoneId zone = ZoneId.of("Asia/Shanghai");

    @Test
    void dashboardReportsAndPdfWithAMillionRequests() throws Exception {
        BenchSupport.report("reporting-machine load=" + Files.readString(Path.of("/proc/loadavg")).trim() + " cpus="
                + Runtime.getRuntime().availableProcessors() + " " + BenchSupport.heap());
        ReportingData.Volumes v = ReportingData.ensure(jdbc, templates);
        BenchSupport.report(String.format(Locale.ROOT,
                "reporting-data requests=%d complaints=%d capas=%d responses=%d answers=%d load=%.1fs", v.requests(),
                v.complaints(), v.capas(), v.responses(), v.answers(), v.loadSeconds()));
        rollUp();
        if (ONLY.isEmpty() || ONLY.contains("pgbench")) {
            BenchSupport.report("reporting-pgbench-S " + BenchSupport.pgbench(jdbc, url, 10, "-S"));
        }
        if (ONLY.isEmpty() || ONLY.contains("sources")) {
            sources();
        }
        BenchSupport.report("reporting-machine load=" + Files.readString(Path.of("/proc/loadavg")).trim() + " "
                + BenchSupport.heap());
    }

    /** The complaint statistics rollup once over what is settled (the dashboard and reports read it). */
    private void rollUp() throws Exception {
        long t = System.nanoTime();
        ComplaintStatsRollup.Result r = rollup.rollup();
        BenchSupport.report(String.format(Locale.ROOT, "reporting-complaint-rollup months=%d complaints=%d in %.1fs",
                r.months(), r.complaints(), (System.nanoTime() - t) / 1e9));
        if (r.complaints() > 0) {
            for (String table : new String[] {"complaint", "complaint_stats_month", "complaint_stats_close",
                    "complaint_stats_customer"}) {
                jdbc.sql("vacuum analyze " + table).update();
            }
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** Last week (Monday–Sunday), the current month, last year and this year. */
    private List<FigureQuery> purposes() {
        LocalDate today = today();
        return List.of(
                new FigureQuery(ReportPeriod.month(YearMonth.from(today)), FigureQuery.company(), null,
                        FigureQuery.Purpose.DASHBOARD),
                new FigureQuery(ReportPeriod.week(today.minusWeeks(1)), FigureQuery.company(), null,
                        FigureQuery.Purpose.WEEKLY),
                new FigureQuery(ReportPeriod.month(YearMonth.from(today).minusMonths(1)), FigureQuery.company(), null,
                        FigureQuery.Purpose.MONTHLY_ASSESSMENT),
                new FigureQuery(ReportPeriod.year(today.getYear() - 1), FigureQuery.company(), null,
                        FigureQuery.Purpose.MANAGEMENT_REVIEW),
                new FigureQuery(ReportPeriod.year(today.getYear()), FigureQuery.company(), null,
                        FigureQuery.Purpose.MANAGEMENT_REVIEW));
    }

    /**
     * Each figure source's figures + tables per purpose, in-process (no HTTP, no rendering): where a report's or
     * the dashboard's time goes. The best of {@code bench.sourceRuns} after one warm-up call, per source.
     */
    private void sources() throws Exception {
        for (FigureQuery q : purposes()) {
            double total = 0;
            StringBuilder parts = new StringBuilder();
            for (FigureSource source : sources) {
                source.figures(q);
                source.tables(q);
                long best = Long.MAX_VALUE;
                for (int i = 0; i < SOURCE_RUNS; i++) {
                    long t = System.nanoTime();
                    source.figures(q);
                    source.tables(q);
                    best = Math.min(best, System.nanoTime() - t);
                }
                total += best / 1e6;
                parts.append(String.format(Locale.ROOT, " %s=%.0fms", source.getClass().getSimpleName()
                        .replaceAll("\\$\\$.*", ""), best / 1e6));
            }
            BenchSupport.report(String.format(Locale.ROOT, "reporting-sources %s %s total=%.0fms:%s", q.purpose(),
                    q.period().first() + ".." + q.period().last(), total, parts));
        }
    }

    /** Background work for the blocking comparison: repeats {@code work} until stopped, counting the rounds. */
    static final class Busy implements AutoCloseable {
        private final ExecutorService pool = Executors.newSingleThreadExecutor();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final AtomicInteger rounds = new AtomicInteger();
        private final Future<?> done;

        Busy(BenchSupport.Call work) {
            done = pool.submit(() -> {
                while (!stop.get()) {
                    work.run();
                    rounds.incrementAndGet();
                }
                return null;
            });
        }

        int rounds() {
            return rounds.get();
        }

        @Override
        public void close() throws Exception {
            stop.set(true);
            done.get();
            pool.shutdown();
        }
    }

    /** {@code n} timed calls (nanoseconds) after {@code warmUp} untimed ones. */
    static long[] times(int warmUp, int n, BenchSupport.Call call) throws Exception {
        for (int i = 0; i < warmUp; i++) {
            call.run();
        }
        long[] took = new long[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            call.run();
            took[i] = System.nanoTime() - t;
        }
        return took;
    }
}
