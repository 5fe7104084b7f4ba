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
import com.careloop.reporting.report.ReportKind;
import com.careloop.reporting.report.Reports;
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
    @Autowired
    Reports reports;
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
        if (ONLY.isEmpty() || ONLY.contains("dashboard")) {
            dashboard();
        }
        if (ONLY.isEmpty() || ONLY.contains("weekly")) {
            weekly();
        }
        if (ONLY.isEmpty() || ONLY.contains("review")) {
            review();
        }
        if (ONLY.isEmpty() || ONLY.contains("blocking")) {
            blocking();
        }
        BenchSupport.report("reporting-machine load=" + Files.readString(Path.of("/proc/loadavg")).trim() + " "
                + BenchSupport.heap());
    }

    /**
     * The manager's dashboard over HTTP as {@code manager}: the first call (every source asked) and then
     * {@code bench.calls} calls (the figures are cached 45 s, docs/adr/0012, so most are served from the cache).
     */
    private void dashboard() throws Exception {
        String token = BenchSupport.token(http, port, "manager", "careloop2026");
        String path = "/api/v1/dashboards/me?period=MONTH";
        long first = BenchSupport.timedGet(http, port, path, token);
        BenchSupport.report(String.format(Locale.ROOT, "reporting-dashboard-first-call %.1fms", first / 1e6));
        long[] took = times(5, CALLS, () -> BenchSupport.timedGet(http, port, path, token));
        BenchSupport.report(BenchSupport.summary("reporting-dashboard-month (cache 45 s)", took));
    }

    /** The current report of a kind and period (generated once), to regenerate in the timed runs. */
    private long current(ReportKind kind, ReportPeriod period) {
        return reports.ensure(kind, period, null);
    }

    /** The weekly report of last week, regenerated {@code bench.weeklyRuns} times (fresh figures each time). */
    private void weekly() throws Exception {
        long[] id = {current(ReportKind.WEEKLY, ReportPeriod.week(today().minusWeeks(1)))};
        long[] took = times(1, WEEKLY_RUNS, () -> id[0] = reports.regenerate(id[0], null).id());
        BenchSupport.report(BenchSupport.summary("reporting-weekly-generate", took));
    }

    /**
     * The management review of last year: regenerate, then its PDF (zh-CN), {@code bench.reviewRuns} times, with
     * the heap's peak over these runs.
     */
    private void review() throws Exception {
        long[] id = {current(ReportKind.MANAGEMENT_REVIEW, ReportPeriod.year(today().getYear() - 1))};
        reports.pdf(id[0], Locale.SIMPLIFIED_CHINESE);
        BenchSupport.resetPeakHeap();
        long[] generate = new long[REVIEW_RUNS];
        long[] pdf = new long[REVIEW_RUNS];
        long[] total = new long[REVIEW_RUNS];
        int bytes = 0;
        for (int i = 0; i < REVIEW_RUNS; i++) {
            long t = System.nanoTime();
            id[0] = reports.regenerate(id[0], null).id();
            long t1 = System.nanoTime();
            bytes = reports.pdf(id[0], Locale.SIMPLIFIED_CHINESE).length;
            long t2 = System.nanoTime();
            generate[i] = t1 - t;
            pdf[i] = t2 - t1;
            total[i] = t2 - t;
        }
        BenchSupport.report(BenchSupport.summary("reporting-review-generate", generate));
        BenchSupport.report(BenchSupport.summary("reporting-review-pdf", pdf) + " bytes=" + bytes);
        BenchSupport.report(BenchSupport.summary("reporting-review-total", total));
        BenchSupport.report("reporting-review-heap " + BenchSupport.heap());
    }

    /**
     * The service-request and complaint lists (first page, alternating) over HTTP: idle, then while management
     * reviews are generated and printed one after another in the background, in the same run.
     */
    private void blocking() throws Exception {
        String token = BenchSupport.adminToken(http, port, "bench-admin-pw");
        String[] paths = {"/api/v1/service-requests?limit=50", "/api/v1/complaints?limit=50"};
        int[] n = {0};
        BenchSupport.Call list = () -> BenchSupport.timedGet(http, port, paths[n[0]++ % 2], token);
        long[] idle = times(20, CALLS, list);
        long[] id = {current(ReportKind.MANAGEMENT_REVIEW, ReportPeriod.year(today().getYear() - 1))};
        long[] busy;
        int rounds;
        try (Busy generating = new Busy(() -> {
            id[0] = reports.regenerate(id[0], null).id();
            reports.pdf(id[0], Locale.SIMPLIFIED_CHINESE);
        })) {
            Thread.sleep(500);
            busy = times(0, CALLS, list);
            rounds = generating.rounds();
        }
        BenchSupport.report(BenchSupport.summary("reporting-list-idle", idle));
        BenchSupport.report(BenchSupport.summary("reporting-list-while-generating", busy) + " reviews-done=" + rounds);
        BenchSupport.report(String.format(Locale.ROOT, "reporting-blocking p95 ratio busy/idle=%.2f p50 ratio=%.2f",
                BenchSupport.percentileMs(busy, 95) / BenchSupport.percentileMs(idle, 95),
                BenchSupport.percentileMs(busy, 50) / BenchSupport.percentileMs(idle, 50)));
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
     * Each figure source's answer (figures and tables, as the dashboards and reports ask) per purpose, in-process (no HTTP, no rendering): where a report's or
     * the dashboard's time goes. The best of {@code bench.sourceRuns} after one warm-up call, per source.
     */
    private void sources() throws Exception {
        for (FigureQuery q : purposes()) {
            double total = 0;
            StringBuilder parts = new StringBuilder();
            for (FigureSource source : sources) {
                source.answer(q);
                long best = Long.MAX_VALUE;
                for (int i = 0; i < SOURCE_RUNS; i++) {
                    long t = System.nanoTime();
                    source.answer(q);
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
