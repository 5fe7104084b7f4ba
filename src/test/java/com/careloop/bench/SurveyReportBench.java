package com.careloop.bench;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.careloop.support.TestDatabases;
import com.careloop.survey.report.SurveyReports;
import com.careloop.survey.template.Method;
import com.careloop.survey.template.Scale;
import com.careloop.survey.template.SurveyTemplates;
import com.careloop.survey.template.TemplateDraft;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The survey report of one campaign on PostgreSQL. Not a test. Two shapes:
 * <ul>
 * <li>issue 6 "Speed" (the default): 200,000 answered questionnaires of 10 items (2,000,000 answers) in one campaign,
 * goal <= 1 s;</li>
 * <li>issue 21 §3: {@code -Dbench.responses=50000 -Dbench.campaigns=6}, six half-year campaigns of the same template
 * with 50,000 responses each (the report's trend reads the five earlier ones too, as at ten million), goal p95 <=
 * 200 ms server time.</li>
 * </ul>
 * Without {@code CARELOOP_DB_URL} it runs on embedded (zonky) PostgreSQL, seeded on every run:
 * {@code ./mvnw -o test -Pbench -Dtest=SurveyReportBench -Dbench.responses=50000 -Dbench.campaigns=6}; with
 * {@code CARELOOP_DB_URL=jdbc:postgresql://localhost:5432/careloop_survey_bench CARELOOP_DB_USER=careloop
 * CARELOOP_DB_PASSWORD=careloop} on that server, seeded once (re-runs reuse the data). The data are seeded with
 * set-based INSERT ... SELECT generate_series; then the report is timed {@value #RUNS} times after {@value #WARM_UP}
 * warm-up calls in process ({@code SurveyReports.report}: the server time) and over HTTP ({@code GET
 * /api/v1/survey-campaigns/{id}/report}: plus JSON, security and the loopback round trip).
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"careloop.demo-data=false", "careloop.admin-password=bench-admin-pw",
                "careloop.servicedesk.scan-interval=PT24H", "careloop.complaint.scan-interval=PT24H",
                "careloop.capa.scan-interval=PT24H", "careloop.complaint.stats-initial-delay=PT24H",
                "careloop.survey.scan-interval=PT24H"})
class SurveyReportBench {

    static final int RESPONSES = Integer.getInteger("bench.responses", 200_000);
    /** Campaigns of the same template, half a year apart; the report of the newest is timed. */
    static final int CAMPAIGNS = Integer.getInteger("bench.campaigns", 1);
    static final int RUNS = Integer.getInteger("bench.calls", 25);
    static final int WARM_UP = 3;
    static final String CAMPAIGN = "BENCH-SURVEY-" + RESPONSES;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        if (System.getenv("CARELOOP_DB_URL") == null) {
            EmbeddedPostgres pg = TestDatabases.postgres();
            registry.add("spring.datasource.url", () -> pg.getJdbcUrl("postgres", "postgres"));
            registry.add("spring.datasource.username", () -> "postgres");
            registry.add("spring.datasource.password", () -> "postgres");
        }
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    SurveyTemplates templates;
    @Autowired
    SurveyReports reports;
    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void reportOfOneCampaign() throws Exception {
        long campaign = seed();
        String token = BenchSupport.adminToken(http, port, "bench-admin-pw");
        String path = "/api/v1/survey-campaigns/" + campaign + "/report";
        for (int i = 0; i < WARM_UP; i++) {
            reports.report(campaign);
            BenchSupport.timedGet(http, port, path, token);
        }
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long[] server = new long[RUNS];
        long[] overHttp = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            reports.report(campaign);
            server[i] = System.nanoTime() - start;
            overHttp[i] = BenchSupport.timedGet(http, port, path, token);
        }
        long answers = jdbc.sql("select count(*) from survey_answer where campaign_id = :c").param("c", campaign)
                .query(Long.class).single();
        String shape = String.format(java.util.Locale.ROOT, "survey report: %d campaign(s) of %d responses, %d answers"
                + " in the timed one, load average %.2f -> %.2f", CAMPAIGNS, RESPONSES, answers, load,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        BenchSupport.report(shape);
        BenchSupport.report(BenchSupport.summary("survey-report in process (server time)", server));
        BenchSupport.report(BenchSupport.summary("survey-report over HTTP", overHttp));
        // where the server time goes: the report's statements over the timed campaign, each timed alone
        java.util.Map<String, String> parts = new java.util.LinkedHashMap<>();
        parts.put("invitations counted", "select count(sent_at), count(answered_at) from survey_invitation where campaign_id = :c");
        parts.put("answers counted", "select item_id, rating, count(*) from survey_answer where campaign_id = :c group by item_id, rating");
        parts.put("responses counted", "select respondent_class, count(*), sum(normalised) from survey_response where campaign_id = :c group by respondent_class");
        if (jdbc.sql("select count(*) from information_schema.tables where table_name = 'survey_answer_tally'")
                .query(Long.class).single() > 0) {
            parts.put("answer tally", "select item_id, rating, answers from survey_answer_tally where campaign_id = :c");
            parts.put("response tally", "select * from survey_response_tally where campaign_id = :c");
        }
        parts.put("newest opinions", "select r.id, i.customer_name from survey_response r join survey_invitation i on i.id = r.invitation_id"
                + " where r.campaign_id = :c and r.opinion is not null order by r.answered_at desc, r.id desc limit 1000");
        for (var part : parts.entrySet()) {
            long[] took = new long[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                jdbc.sql(part.getValue()).param("c", campaign).query().listOfRows();
                took[i] = System.nanoTime() - start;
            }
            BenchSupport.report(BenchSupport.summary("survey-report part: " + part.getKey(), took));
        }
    }

    /** The campaigns with their invitations, responses and answers (created once); returns the newest one's id. */
    private long seed() {
        long template = template();
        long newest = 0;
        for (int k = CAMPAIGNS - 1; k >= 0; k--) {
            newest = campaign(template, k);
        }
        return newest;
    }

    /** Campaign {@code k} half-years before the newest (k = 0), seeded unless present. */
    private long campaign(long template, int k) {
        String code = k == 0 ? CAMPAIGN : CAMPAIGN + "-" + k;
        Long existing = jdbc.sql("select id from survey_campaign where code = :c").param("c", code)
                .query(Long.class).optional().orElse(null);
        if (existing != null) {
            return existing;
        }
        long start = System.nanoTime();
        LocalDate from = LocalDate.of(2025, 10, 1).minusMonths(6L * k);
        jdbc.sql("""
                insert into survey_campaign (code, name, template_id, period_from, period_to, deadline, status,
                  population_filter, population_size, sample_size, created_by, version, created_at, updated_at)
                values (:code, :name, :t, :from, :to, :to, :status, '{}', :n, :n, 'bench', 0, now(), now())""")
                .param("code", code).param("name", "基准测试调查 " + k).param("t", template).param("from", from)
                .param("to", from.plusDays(75)).param("status", k == 0 ? "SENT" : "CLOSED").param("n", RESPONSES)
                .update();
        long campaign = jdbc.sql("select id from survey_campaign where code = :c").param("c", code)
                .query(Long.class).single();
        jdbc.sql("""
                insert into survey_invitation (campaign_id, customer_id, customer_name, channel, language, sent_at,
                  answered_at, version)
                select :c, g, '基准客户' || g, 'EMAIL', 'zh-CN', cast(:sent as timestamptz),
                       cast(:answered as timestamptz) + g * interval '10 second', 0
                from generate_series(1, :n) g""").param("c", campaign).param("n", RESPONSES)
                .param("sent", java.sql.Timestamp.from(from.plusDays(1).atTime(9, 0).toInstant(java.time.ZoneOffset.ofHours(8))))
                .param("answered", java.sql.Timestamp.from(from.plusDays(4).atTime(9, 0).toInstant(java.time.ZoneOffset.ofHours(8))))
                .update();
        respond(jdbc, campaign, template, "(r.id * 7919 + it.sort_order * 104729 + :k * 31) % 100",
                java.util.Map.of("k", k));
        System.out.printf("BENCH seeded campaign %s: %d responses in %.1f s%n", code, RESPONSES,
                (System.nanoTime() - start) / 1e9);
        return campaign;
    }

    private long template() {
        return template(templates, jdbc);
    }

    /** The 10-item, 5-dimension SCORE template of the survey benchmarks (created once). */
    static long template(SurveyTemplates templates, JdbcClient jdbc) {
        List<TemplateDraft.Dimension> dims = new ArrayList<>();
        String[] names = {"质量", "交期", "服务", "技术", "价格"};
        for (int d = 0; d < names.length; d++) {
            dims.add(new TemplateDraft.Dimension(names[d], null, null, new BigDecimal("20"), List.of(
                    new TemplateDraft.Item("B" + (2 * d + 1), names[d] + "项目一", null, null),
                    new TemplateDraft.Item("B" + (2 * d + 2), names[d] + "项目二", null, null))));
        }
        String code = "BENCH-10-ITEMS";
        templates.seedIfAbsent(new TemplateDraft(code, "基准测试问卷", null, Scale.FOUR_LEVEL, Method.SCORE, null, null,
                null, dims, null));
        return jdbc.sql("select max(id) from survey_template where code = :c").param("c", code).query(Long.class).single();
    }

    /**
     * The responses of a campaign's answered invitations, an answer to each of the template's items with the rating
     * picked by {@code ratingHash} (a SQL expression over {@code r.id} and {@code it.sort_order} giving 0..99,
     * skewed to satisfied: 50 % very satisfied, 30 % satisfied, 15 % dissatisfied, 5 % very dissatisfied; its own
     * parameters in {@code params}), and the responses' totals and classes from their answers.
     */
    static void respond(JdbcClient jdbc, long campaign, long template, String ratingHash,
                        java.util.Map<String, ?> params) {
        jdbc.sql("""
                insert into survey_response (campaign_id, invitation_id, customer_id, template_id, channel, answered_at,
                  supplementary, total_points, max_points, normalised, respondent_class, opinion, fault_confirmed)
                select i.campaign_id, i.id, i.customer_id, :t, 'EMAIL', i.answered_at, false, 0, 0, 0, 'C',
                       case when i.customer_id % 200 = 0 then '交期需要更稳定（' || i.customer_id || '）' end, false
                from survey_invitation i where i.campaign_id = :c""").param("c", campaign).param("t", template).update();
        jdbc.sql("""
                insert into survey_answer (response_id, item_id, campaign_id, rating, points)
                select r.id, it.id, r.campaign_id, x.rating,
                       case x.rating when 4 then 20 when 3 then 18 when 2 then 10 else 0 end
                from survey_response r cross join survey_item it
                cross join lateral (select case when h < 50 then 4 when h < 80 then 3 when h < 95 then 2 else 1 end rating
                                    from (select {hash} h) s) x
                where r.campaign_id = :c and it.template_id = :t""".replace("{hash}", ratingHash)).param("c", campaign).param("t", template).params(params).update();
        jdbc.sql("""
                update survey_response r set total_points = s.total, max_points = s.answers * 20,
                       normalised = round(s.total * 100.0 / (s.answers * 20), 2),
                       respondent_class = case when s.total * 100.0 / (s.answers * 20) >= 90 then 'A'
                                               when s.total * 100.0 / (s.answers * 20) >= 70 then 'B' else 'C' end
                from (select response_id, sum(points) total, count(*) answers from survey_answer where campaign_id = :c
                      group by response_id) s
                where s.response_id = r.id""").param("c", campaign).update();
        for (String table : List.of("survey_invitation", "survey_response", "survey_answer")) {
            jdbc.sql("vacuum analyze " + table).update();
        }
    }
}
