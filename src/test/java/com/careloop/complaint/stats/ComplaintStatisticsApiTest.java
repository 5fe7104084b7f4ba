package com.careloop.complaint.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** The statistics API on the fixed 2015 data set (see {@link StatsFixture}): every figure worked out by hand. */
class ComplaintStatisticsApiTest extends ApiTestBase {

    static final String STATS = "/api/v1/complaints/statistics?from=2015-01-01&to=2015-12-31";
    static final double EPS = 1e-9;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void data() {
        StatsFixture.ensure(jdbc);
    }

    JsonNode stats(String user, String query) {
        Response r = get(STATS + query, tokenFor(user));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static Map<String, JsonNode> byKey(JsonNode stats) {
        return stats.get("rows").valueStream().collect(Collectors.toMap(r -> r.get("key").asString(), Function.identity(),
                (a, b) -> a, java.util.LinkedHashMap::new));
    }

    static double d(JsonNode row, String field) {
        return row.get(field).asDouble();
    }

    @Test
    void totalsShareRepeatAndOnTimeRatesByCategory() {
        JsonNode s = stats("gm", "&groupBy=CATEGORY");
        JsonNode total = s.get("total");
        assertThat(total.get("count").asLong()).isEqualTo(8);
        assertThat(total.get("major").asLong()).isEqualTo(2);
        assertThat(total.get("repeat").asLong()).isEqualTo(2);
        assertThat(d(total, "repeatRate")).isEqualTo(0.25);
        assertThat(d(total, "onTimeAcknowledgement")).isEqualTo(0.75);   // 6 of 8: #2 late, #6 never acknowledged
        assertThat(d(total, "onTimeReply")).isEqualTo(0.625);            // 5 of 8: #2, #5 late, #6 none
        assertThat(d(total, "onTimeResolution")).isEqualTo(0.5);         // 4 of 8: #3, #8 late, #5, #6 open past due
        assertThat(total.get("closed").asLong()).isEqualTo(6);
        assertThat(d(total, "averageDaysToClose")).isCloseTo(26.0 / 6, within(EPS)); // (2+4+6+1+3+10)/6
        assertThat(d(total, "p90DaysToClose")).isCloseTo(8.0, within(EPS));          // 6 + 0.5 * (10 - 6)

        Map<String, JsonNode> rows = byKey(s);
        assertThat(rows.keySet()).containsExactly("PRODUCT_QUALITY", "DELIVERY_LOGISTICS", "PRICE_FEES", "STAFF_ATTITUDE");
        JsonNode pq = rows.get("PRODUCT_QUALITY");
        assertThat(pq.get("count").asLong()).isEqualTo(4);
        assertThat(d(pq, "share")).isEqualTo(0.5);
        assertThat(pq.get("major").asLong()).isEqualTo(1);
        assertThat(d(pq, "repeatRate")).isEqualTo(0.5);
        assertThat(d(pq, "onTimeAcknowledgement")).isEqualTo(0.75);
        assertThat(d(pq, "onTimeReply")).isEqualTo(0.75);
        assertThat(d(pq, "onTimeResolution")).isEqualTo(0.75);
        assertThat(d(pq, "averageDaysToClose")).isCloseTo(3.75, within(EPS));
        assertThat(d(pq, "p90DaysToClose")).isCloseTo(5.4, within(EPS));               // 4 + 0.7 * (6 - 4)
        JsonNode dl = rows.get("DELIVERY_LOGISTICS");
        assertThat(d(dl, "share")).isEqualTo(0.25);
        assertThat(d(dl, "onTimeReply")).isEqualTo(0.5);
        assertThat(d(dl, "onTimeResolution")).isEqualTo(0.5);
        assertThat(d(dl, "p90DaysToClose")).isCloseTo(1.0, within(EPS));
        assertThat(d(rows.get("STAFF_ATTITUDE"), "share")).isEqualTo(0.125);
        assertThat(rows.get("STAFF_ATTITUDE").get("averageDaysToClose").isNull()).isTrue();
    }

    @Test
    void paretoOfCausesWithCumulativeSharesAndTheVitalFew() {
        JsonNode pareto = stats("gm", "&groupBy=SEVERITY").get("pareto");
        assertThat(pareto.valueStream().map(p -> p.get("cause").asString()).toList())
                .containsExactly("PROCESS", "RAW_MATERIAL", "OTHER", "TRANSPORT_DAMAGE");
        assertThat(pareto.valueStream().map(p -> p.get("count").asLong()).toList()).containsExactly(4L, 2L, 1L, 1L);
        assertThat(pareto.valueStream().map(p -> p.get("cumulative").asDouble()).toList())
                .containsExactly(0.5, 0.75, 0.875, 1.0);
        assertThat(pareto.valueStream().map(p -> p.get("vitalFew").asBoolean()).toList())
                .containsExactly(true, true, true, false);
        // grouped by cause, the table and the Pareto agree
        JsonNode byCause = stats("gm", "&groupBy=CAUSE");
        assertThat(byKey(byCause).get("PROCESS").get("count").asLong()).isEqualTo(4);
        assertThat(byCause.get("pareto")).isEqualTo(pareto);
    }

    @Test
    void monthsInTheCompanysZoneDepartmentsProductsAndRates() {
        List<JsonNode> months = stats("gm", "&groupBy=MONTH").get("rows").valueStream().toList();
        assertThat(months).hasSize(12);
        assertThat(months.stream().map(m -> m.get("key").asString() + "=" + m.get("count").asLong()).toList())
                .containsExactly("2015-01=2", "2015-02=1", "2015-03=2", "2015-04=0", "2015-05=2", "2015-06=0",
                        "2015-07=0", "2015-08=0", "2015-09=0", "2015-10=0", "2015-11=0", "2015-12=1");
        Map<String, JsonNode> departments = byKey(stats("gm", "&groupBy=DEPARTMENT"));
        String eng = jdbc.sql("select name from department where code = 'ENG'").query(String.class).single();
        String prod = jdbc.sql("select name from department where code = 'PROD'").query(String.class).single();
        assertThat(departments.keySet()).containsExactly(eng, prod, "-");
        assertThat(departments.get(eng).get("count").asLong()).isEqualTo(4);
        assertThat(departments.get(prod).get("count").asLong()).isEqualTo(3);
        assertThat(d(departments.get(eng), "onTimeResolution")).isEqualTo(0.75);
        Map<String, JsonNode> products = byKey(stats("gm", "&groupBy=PRODUCT"));
        assertThat(products.keySet()).containsExactly("A", "B", "C");

        JsonNode rates = stats("gm", "").get("rates");
        long customers = jdbc.sql("select count(*) from customer where active = true").query(Long.class).single();
        assertThat(rates.get("complaints").asLong()).isEqualTo(8);
        assertThat(rates.get("orders").asLong()).isEqualTo(16);
        assertThat(d(rates, "perThousandOrders")).isEqualTo(500.0);              // 8 * 1000 / 16
        assertThat(rates.get("customers").asLong()).isEqualTo(customers);
        assertThat(d(rates, "perThousandCustomers")).isCloseTo(8000.0 / customers, within(EPS));
    }

    @Test
    void theDataScopeIsTheComplaintLists() {
        // the department head of 工程部 sees his department's complaints only (#1, #2, #5, #7)
        JsonNode s = stats("depthead", "&groupBy=CATEGORY");
        assertThat(s.get("total").get("count").asLong()).isEqualTo(4);
        assertThat(byKey(s).get("PRODUCT_QUALITY").get("count").asLong()).isEqualTo(3);
        assertThat(get(STATS, tokenFor("staff")).status()).isEqualTo(403);
    }

    @Test
    void theAnnualSummaryForTheManagementReview() {
        Response r = get("/api/v1/complaints/annual?year=2015", tokenFor("quality"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode a = r.json();
        assertThat(a.get("total").get("count").asLong()).isEqualTo(8);
        assertThat(d(a.get("total"), "repeatRate")).isEqualTo(0.25);
        assertThat(d(a, "repeatTarget")).isEqualTo(0.0);
        assertThat(a.get("byMonth")).hasSize(12);
        assertThat(a.get("byCategory").get(0).get("key").asString()).isEqualTo("PRODUCT_QUALITY");
        assertThat(a.get("bySeverity").valueStream().map(x -> x.get("key").asString() + "=" + x.get("count").asLong())
                .toList()).containsExactly("GENERAL=6", "MAJOR=2");
        assertThat(a.get("byDepartment")).hasSize(3);
        assertThat(a.get("pareto").get(0).get("cause").asString()).isEqualTo("PROCESS");
        assertThat(a.get("topCustomers").valueStream().map(t -> t.get("customerId").asLong() + ":" + t.get("count").asLong()
                + ":" + t.get("repeat").asLong()).toList()).containsExactly("900001:3:1", "900002:3:1", "900000:2:0");
        assertThat(d(a.get("rates"), "perThousandOrders")).isEqualTo(500.0);
    }

    @Test
    void badPeriodsAreRefusedNamingTheField() {
        Response r = get("/api/v1/complaints/statistics?from=2015-12-31&to=2015-01-01", tokenFor("gm"));
        assertThat(r.status()).isBetween(400, 422);
        assertThat(r.body()).contains("to");
        r = get("/api/v1/complaints/statistics?quick=decade", tokenFor("gm"));
        assertThat(r.status()).isBetween(400, 422);
        assertThat(r.body()).contains("quick");
        assertThat(get("/api/v1/complaints/annual?year=1900", tokenFor("gm")).status()).isBetween(400, 422);
        assertThat(get("/api/v1/complaints/statistics?groupBy=COLOUR", tokenFor("gm")).status()).isEqualTo(400);
        JsonNode month = get("/api/v1/complaints/statistics?quick=month", tokenFor("gm")).json();
        assertThat(month.get("from").asString()).endsWith("-01");
    }
}
