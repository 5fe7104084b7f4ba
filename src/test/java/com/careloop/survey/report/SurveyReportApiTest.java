package com.careloop.survey.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.careloop.support.ApiTestBase;
import com.careloop.survey.SurveyFixtures;
import com.careloop.survey.response.SubmitAnswers;
import com.careloop.survey.response.SurveyResponses;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * The report numbers on a small fixed data set (hand-computed below), the fault flag, the period's adjustments
 * from the complaint and service-desk modules, the trend, the rate before the supplementary round, and the loop back
 * to CAPAs and callbacks.
 */
class SurveyReportApiTest extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    SurveyResponses responses;

    /** A template with the paper mill's five items and weights 40/20/20/20, under its own code. */
    long template() {
        String code = "RPT" + UUID.randomUUID().toString().substring(0, 6);
        Response r = post("/api/v1/survey-templates", tokenFor("manager"), j("{'code':'" + code
                + "','name':'统计测试','scale':'FOUR_LEVEL','method':'SCORE','dimensions':["
                + "{'name':'质量','weight':40,'items':[{'code':'Q1','text':'产品质量水平'},{'code':'Q2','text':'异常处理能力'}]},"
                + "{'name':'交期配合','weight':20,'items':[{'code':'D1','text':'交期确保'}]},"
                + "{'name':'服务','weight':20,'items':[{'code':'S1','text':'查询、售后服务'}]},"
                + "{'name':'技术能力','weight':20,'items':[{'code':'T1','text':'技术改善'}]}]}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().get("template").get("id").asLong();
        assertThat(post("/api/v1/survey-templates/" + id + "/publish", tokenFor("manager"), null).status()).isEqualTo(200);
        return id;
    }

    static Map<String, Integer> ratings(Integer q1, Integer q2, Integer d1, Integer s1, Integer t1) {
        Map<String, Integer> m = new HashMap<>();
        m.put("Q1", q1);
        m.put("Q2", q2);
        m.put("D1", d1);
        m.put("S1", s1);
        m.put("T1", t1);
        return m;
    }

    @Test
    void reportFiguresOnAFixedDataSet() {
        var f = new SurveyFixtures(jdbc);
        long template = template();
        // the earlier campaign: one respondent, all very satisfied -> 100.00
        long earlier = f.campaign(template, LocalDate.of(2010, 1, 1), LocalDate.of(2010, 12, 31));
        responses.submit(new SubmitAnswers(f.invitation(earlier, 1, "甲"), ratings(4, 4, 4, 4, 4), null, "EMAIL", null));
        long campaign = f.campaign(template, LocalDate.of(2011, 1, 1), LocalDate.of(2011, 12, 31));
        List<Long> inv = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            inv.add(f.invitation(campaign, 770000 + i, "客户" + i));
        }
        // R1 20+20+20+20+18 = 98 / 100 = 98.00 A; R2 18+18+10+18+18 = 82 / 100 = 82.00 B;
        // R3 10+0+10+(skip)+18 = 38 / 80 = 47.50 C; R4 20+18+18+18+20 = 94 / 100 = 94.00 A; the 5th did not answer
        long r1 = responses.submit(new SubmitAnswers(inv.get(0), ratings(4, 4, 4, 4, 3), "非常好", "EMAIL", null)).id();
        long r2 = responses.submit(new SubmitAnswers(inv.get(1), ratings(3, 3, 2, 3, 3), "交期经常延误", "PHONE", "客服")).id();
        long r3 = responses.submit(new SubmitAnswers(inv.get(2), ratings(2, 1, 2, null, 3), null, "PAPER", "客服")).id();
        responses.submit(new SubmitAnswers(inv.get(3), ratings(4, 3, 3, 3, 4), null, "EMAIL", null));
        // two answered before the supplementary round went out (an hour ago), two after
        Instant now = Instant.now();
        jdbc.sql("update survey_campaign set supplementary_at = :t where id = :id")
                .param("t", Timestamp.from(now.minus(1, ChronoUnit.HOURS))).param("id", campaign).update();
        jdbc.sql("update survey_invitation set answered_at = :t where id in (:ids)")
                .param("t", Timestamp.from(now.minus(2, ChronoUnit.DAYS))).param("ids", List.of(inv.get(0), inv.get(1))).update();
        // the period's counts: 2 complaints received in 2011, 1 praise registered in 2011
        long customer = customer();
        for (String day : List.of("2011-03-01", "2011-11-30")) {
            Response c = post("/api/v1/complaints", tokenFor("complaints"), j("{'customerId':" + customer
                    + ",'receivedAt':'" + day + "T10:00:00+08:00','content':'纸张破损'}"));
            assertThat(c.status()).as(c.body()).isEqualTo(201);
        }
        praise(Instant.parse("2011-07-01T02:00:00Z"));
        praise(Instant.parse("2012-01-01T02:00:00Z")); // outside the period
        // a manager confirms R2's opinion as the company's fault
        Response fault = post("/api/v1/survey-responses/" + r2 + "/fault-confirmation", tokenFor("manager"),
                j("{'confirmed':true}"));
        assertThat(fault.status()).as(fault.body()).isEqualTo(200);
        assertThat(fault.json().get("faultConfirmed").asBoolean()).isTrue();
        assertThat(post("/api/v1/survey-responses/" + r3 + "/fault-confirmation", tokenFor("manager"),
                j("{'confirmed':true}")).status()).isEqualTo(422); // no opinion to confirm
        assertThat(post("/api/v1/survey-responses/" + r1 + "/fault-confirmation", tokenFor("frontdesk"),
                j("{'confirmed':true}")).status()).isEqualTo(403);

        Response res = get("/api/v1/survey-campaigns/" + campaign + "/report", tokenFor("quality"));
        assertThat(res.status()).as(res.body()).isEqualTo(200);
        JsonNode r = res.json();
        assertThat(r.get("sent").asLong()).isEqualTo(5);
        assertThat(r.get("answered").asLong()).isEqualTo(4);
        assertThat(r.get("responseRate").decimalValue()).isEqualByComparingTo("80.00");
        assertThat(r.get("answeredBeforeSupplementary").asLong()).isEqualTo(2);
        assertThat(r.get("responseRateBeforeSupplementary").decimalValue()).isEqualByComparingTo("40.00");
        assertThat(r.get("issueRate").decimalValue()).isEqualByComparingTo("50.00"); // 5 sent / population 10
        // items: counts best first, average points, satisfaction rate
        assertItem(r.get("items").get(0), "[2,1,1,0]", "17.00", "75.00");  // 68 / 4; 3 / 4
        assertItem(r.get("items").get(1), "[1,2,0,1]", "14.00", "75.00");  // 56 / 4
        assertItem(r.get("items").get(2), "[1,1,2,0]", "14.50", "50.00");  // 58 / 4; 2 / 4
        assertItem(r.get("items").get(3), "[1,2,0,0]", "18.67", "100.00"); // 56 / 3 = 18.666..
        assertItem(r.get("items").get(4), "[1,3,0,0]", "18.50", "100.00"); // 74 / 4
        assertThat(r.get("totals").get("counts").toString()).isEqualTo("[6,9,3,1]");
        assertThat(r.get("totals").get("averagePoints").decimalValue()).isEqualByComparingTo("16.42"); // 312 / 19
        assertThat(r.get("totals").get("satisfactionRate").decimalValue()).isEqualByComparingTo("78.95"); // 15 / 19
        // SCORE: (98 + 82 + 47.5 + 94) / 4 = 80.375 -> 80.38; RATE 15 / 19 = 78.947 -> 78.95
        assertThat(r.get("overallScore").decimalValue()).isEqualByComparingTo("80.38");
        assertThat(r.get("overallRate").decimalValue()).isEqualByComparingTo("78.95");
        // dimensions: quality (68 + 56) / 160 = 77.50; delivery 58 / 80 = 72.50; service 56 / 60 = 93.33; tech 74 / 80 = 92.50
        assertThat(r.get("dimensions").valueStream().map(d -> d.get("figure").decimalValue().stripTrailingZeros().toPlainString())
                .toList()).containsExactly("77.5", "72.5", "93.33", "92.5");
        // index (40 x 77.50 + 20 x 72.50 + 20 x 93.33 + 20 x 92.50) / 100 = 8266.6 / 100 = 82.666 -> 82.67
        assertThat(r.get("weightedIndex").decimalValue()).isEqualByComparingTo("82.67");
        // adjustments: 80.38 - 2 x 0.1 - 1 x 0.1 + 1 x 0.1 = 80.18
        JsonNode overall = r.get("overall");
        assertThat(overall.get("raw").decimalValue()).isEqualByComparingTo("80.38");
        assertThat(overall.get("adjustments").valueStream().map(a -> a.get("kind").asString() + "=" + a.get("count").asLong()
                + ":" + a.get("change").decimalValue().stripTrailingZeros().toPlainString()).toList())
                .containsExactly("COMPLAINT=2:-0.2", "FAULT_OPINION=1:-0.1", "PRAISE=1:0.1");
        assertThat(overall.get("adjusted").decimalValue()).isEqualByComparingTo("80.18");
        assertThat(r.get("classA").asLong()).isEqualTo(2);
        assertThat(r.get("classB").asLong()).isEqualTo(1);
        assertThat(r.get("classC").asLong()).isEqualTo(1);
        // trend: the 2010 campaign (100.00) then this one; change 80.18 - 100.00
        assertThat(r.get("trend").valueStream().map(t -> t.get("adjusted").decimalValue().stripTrailingZeros().toPlainString())
                .toList()).containsExactly("100", "80.18");
        assertThat(r.get("changeVsPrevious").decimalValue()).isEqualByComparingTo("-19.82");
        assertThat(r.get("opinionCount").asLong()).isEqualTo(2);
        assertThat(r.get("opinions").valueStream().filter(o -> o.get("faultConfirmed").asBoolean())
                .map(o -> o.get("text").asString()).toList()).containsExactly("交期经常延误");
        // the Excel export
        Response xlsx = get("/api/v1/survey-campaigns/" + campaign + "/report/export", tokenFor("quality"));
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.header("Content-Type")).contains("spreadsheetml");
        assertThat(get("/api/v1/survey-campaigns/424242424/report", tokenFor("quality")).status()).isEqualTo(404);
        assertThat(get("/api/v1/survey-campaigns/" + campaign + "/report", tokenFor("frontdesk")).status()).isEqualTo(403);
    }

    /**
     * The report's figures against a recount of the stored rows (on PostgreSQL the report reads the tallies of V175,
     * on H2 it counts): after submissions, a fault confirmed on three opinions and withdrawn on one, and a data fix
     * that lowers a rating (with the response's score and class) and removes an answer — each item's counts, average points
     * and satisfaction rate, the totals, the A/B/C counts, the SCORE mean, the confirmed faults and the opinion count,
     * and the earlier campaign's figure in the trend.
     */
    @Test
    void reportFiguresEqualARecountOfTheStoredRows() {
        var f = new SurveyFixtures(jdbc);
        long template = template();
        long earlier = f.campaign(template, LocalDate.of(2008, 1, 1), LocalDate.of(2008, 12, 31));
        long campaign = f.campaign(template, LocalDate.of(2009, 1, 1), LocalDate.of(2009, 12, 31));
        int[][] given = {{4, 4, 4, 4, 3}, {3, 3, 2, 3, 3}, {2, 1, 2, 0, 3}, {4, 3, 3, 3, 4}, {1, 1, 1, 1, 1},
                {4, 4, 0, 4, 4}, {3, 2, 3, 2, 3}, {4, 4, 4, 4, 4}, {2, 3, 4, 1, 0}, {3, 3, 3, 3, 3}, {4, 2, 4, 2, 4}};
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < given.length; i++) {
            int[] g = given[i];
            Integer[] v = new Integer[5];
            for (int k = 0; k < 5; k++) {
                v[k] = g[k] == 0 ? null : g[k];
            }
            ids.add(responses.submit(new SubmitAnswers(f.invitation(campaign, 880000 + i, "复算" + i),
                    ratings(v[0], v[1], v[2], v[3], v[4]), i % 3 == 0 ? null : "意见" + i, "EMAIL", null)).id());
        }
        responses.submit(new SubmitAnswers(f.invitation(earlier, 880100, "复算早"), ratings(3, 3, 3, 3, 2), "早", "EMAIL",
                null));
        responses.confirmFault(ids.get(1), true);
        responses.confirmFault(ids.get(2), true);
        responses.confirmFault(ids.get(4), true);
        responses.confirmFault(ids.get(2), false);
        // a data fix outside the application: a rating lowered with the response's score and class, an answer removed
        String firstItem = "(select min(item_id) from survey_answer where response_id = :r)";
        jdbc.sql("update survey_answer set rating = 1, points = 0 where response_id = :r and item_id = " + firstItem)
                .param("r", ids.get(9)).update();
        jdbc.sql("""
                update survey_response set total_points = 72, normalised = 72.00, respondent_class = 'B'
                where id = :r""").param("r", ids.get(9)).update();
        jdbc.sql("delete from survey_answer where response_id = :r and item_id = " + firstItem).param("r", ids.get(0))
                .update();

        JsonNode r = get("/api/v1/survey-campaigns/" + campaign + "/report", tokenFor("quality")).json();
        long[] totals = new long[5];
        long totalAnswers = 0;
        long totalPoints = 0;
        long satisfied = 0;
        for (JsonNode item : r.get("items")) {
            long itemId = item.get("itemId").asLong();
            List<Long> counts = new ArrayList<>();
            for (int rating = 4; rating >= 1; rating--) {
                counts.add(count("select count(*) from survey_answer where campaign_id = " + campaign + " and item_id = "
                        + itemId + " and rating = " + rating));
                totals[rating] += counts.get(counts.size() - 1);
            }
            long n = counts.stream().mapToLong(Long::longValue).sum();
            long points = jdbc.sql("select coalesce(sum(points), 0) from survey_answer where campaign_id = :c and item_id = :i")
                    .param("c", campaign).param("i", itemId).query(java.math.BigDecimal.class).single().longValueExact();
            assertThat(item.get("counts").toString()).as("item " + item.get("code"))
                    .isEqualTo(counts.toString().replace(" ", ""));
            assertThat(item.get("answers").asLong()).isEqualTo(n);
            assertThat(item.get("averagePoints").decimalValue()).as("average of " + item.get("code"))
                    .isEqualByComparingTo(ratio(points, n, 1));
            assertThat(item.get("satisfactionRate").decimalValue()).as("rate of " + item.get("code"))
                    .isEqualByComparingTo(ratio(counts.get(0) + counts.get(1), n, 100));
            totalAnswers += n;
            totalPoints += points;
            satisfied += counts.get(0) + counts.get(1);
        }
        assertThat(r.get("totals").get("counts").toString())
                .isEqualTo(List.of(totals[4], totals[3], totals[2], totals[1]).toString().replace(" ", ""));
        assertThat(r.get("totals").get("averagePoints").decimalValue()).isEqualByComparingTo(ratio(totalPoints, totalAnswers, 1));
        assertThat(r.get("totals").get("satisfactionRate").decimalValue()).isEqualByComparingTo(ratio(satisfied, totalAnswers, 100));
        assertThat(r.get("overallRate").decimalValue()).isEqualByComparingTo(ratio(satisfied, totalAnswers, 100));
        for (String k : List.of("A", "B", "C")) {
            assertThat(r.get("class" + k).asLong()).as("class " + k).isEqualTo(count(
                    "select count(*) from survey_response where campaign_id = " + campaign + " and respondent_class = '" + k + "'"));
        }
        List<java.math.BigDecimal> normalised = jdbc.sql("select normalised from survey_response where campaign_id = :c")
                .param("c", campaign).query(java.math.BigDecimal.class).list();
        assertThat(normalised).hasSize(given.length);
        java.math.BigDecimal mean = normalised.stream().reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)
                .divide(java.math.BigDecimal.valueOf(normalised.size()), 2, java.math.RoundingMode.HALF_UP);
        assertThat(r.get("overallScore").decimalValue()).isEqualByComparingTo(mean);
        assertThat(r.get("overall").get("adjustments").valueStream().filter(a -> "FAULT_OPINION".equals(a.get("kind").asString()))
                .map(a -> a.get("count").asLong()).toList()).containsExactly(2L);
        assertThat(r.get("opinionCount").asLong()).isEqualTo(count(
                "select count(*) from survey_response where opinion is not null and campaign_id = " + campaign));
        // the earlier campaign: 18 + 18 + 18 + 18 + 10 = 82 / 100 -> 82.00 with no adjustments in 2008
        assertThat(r.get("trend").get(0).get("raw").decimalValue()).isEqualByComparingTo("82.00");
        assertThat(r.get("trend").get(1).get("raw").decimalValue()).isEqualByComparingTo(mean);
    }

    /** part x scale / whole, rounded as the module rounds (2 decimals, half up). */
    private static java.math.BigDecimal ratio(long part, long whole, int scale) {
        return java.math.BigDecimal.valueOf(part * scale).divide(java.math.BigDecimal.valueOf(whole), 2,
                java.math.RoundingMode.HALF_UP);
    }

    @Test
    void dissatisfiedItemsOpenOrAttachCapasAndClassCGetsACallback() throws InterruptedException {
        var f = new SurveyFixtures(jdbc);
        long template = template();
        long campaign = f.campaign(template, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        long customer = customer();
        // R1: D1 dissatisfied (2), T1 very dissatisfied (1): 20 + 20 + 10 + 20 + 0 = 70 / 100 -> B, two CAPAs
        long r1 = responses.submit(new SubmitAnswers(f.invitation(campaign, customer, "甲"), ratings(4, 4, 2, 4, 1),
                "交期不稳定", "EMAIL", null)).id();
        // R2: D1 again (same item, same campaign) attaches; 10+10+10+10+10 = 50 -> C, a callback
        long r2 = responses.submit(new SubmitAnswers(f.invitation(campaign, customer(), "乙"), ratings(2, 2, 2, 2, 2),
                null, "PHONE", "客服")).id();
        String d1Key = "SURVEY_ITEM:" + campaign + ":D1";
        waitFor(() -> count("select count(*) from capa_source where source_type = 'SURVEY_ITEM' and source_id = " + r2) >= 5);
        waitFor(() -> count("select count(*) from capa_source where source_type = 'SURVEY_ITEM' and source_id = " + r1) >= 2);
        waitFor(() -> count("select count(*) from callback_task where source_type = 'SURVEY_RESPONSE' and source_id = " + r2) >= 1);
        assertThat(count("select count(*) from capa where source_key = '" + d1Key + "'")).isEqualTo(1);
        assertThat(count("select count(*) from capa_source s join capa c on c.id = s.capa_id where c.source_key = '"
                + d1Key + "' and s.source_id in (" + r1 + "," + r2 + ")")).isEqualTo(2);
        assertThat(count("select count(*) from capa where source_key like 'SURVEY_ITEM:" + campaign + ":%'")).isEqualTo(5);
        assertThat(count("select count(*) from capa where source_key = 'SURVEY_ITEM:" + campaign + ":Q1'")).isEqualTo(1);
        assertThat(count("select count(*) from callback_task where source_type = 'SURVEY_RESPONSE' and source_id = " + r1))
                .isZero();
        assertThat(count("select count(*) from callback_task where source_type = 'SURVEY_RESPONSE' and source_id = " + r2))
                .isEqualTo(1);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long until = System.currentTimeMillis() + 20_000;
        while (!condition.getAsBoolean() && System.currentTimeMillis() < until) {
            Thread.sleep(100);
        }
    }

    private static void assertItem(JsonNode item, String counts, String average, String rate) {
        assertThat(item.get("counts").toString()).isEqualTo(counts);
        assertThat(item.get("averagePoints").decimalValue()).isEqualByComparingTo(average);
        assertThat(item.get("satisfactionRate").decimalValue()).isEqualByComparingTo(rate);
    }

    private long customer() {
        String phone = "137" + String.format("%08d", (long) (Math.random() * 100_000_000L));
        Response c = post("/api/v1/customers", tokenFor("manager"), j("{'name':'调查客户" + UUID.randomUUID().toString()
                .substring(0, 4) + "','kind':'ORGANISATION','phone':'" + phone + "'}"));
        assertThat(c.status()).as(c.body()).isEqualTo(201);
        return c.json().get("id").asLong();
    }

    private void praise(Instant at) {
        Timestamp t = Timestamp.from(at);
        jdbc.sql("""
                insert into service_request (code, request_type, title, channel, priority, status, registered_by_name,
                  registered_at, response_amount, response_unit, response_due_at, response_warn_at, version, created_at,
                  updated_at)
                values (:code, 'PRAISE', '表扬送货及时', 'PHONE', 'NORMAL', 'CLOSED', '前台', :t, 1, 'CALENDAR_HOURS', :t, :t, 0,
                  :t, :t)""").param("code", "BST" + UUID.randomUUID().toString().substring(0, 8)).param("t", t).update();
    }
}
