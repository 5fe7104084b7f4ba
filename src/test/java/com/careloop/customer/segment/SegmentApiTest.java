package com.careloop.customer.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Segment rules over the API: validation, editing with a trail, and the recompute for a customer with known revenue. */
class SegmentApiTest extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    private static final String RULES = "/api/v1/customer-segment-rules";

    private long customer() {
        Response r = post("/api/v1/customers", tokenFor("manager"), j("{'name':'分群测试" + UUID.randomUUID().toString()
                .substring(0, 8) + "','kind':'ORGANISATION','confirmDuplicate':true}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private void revenue(long customerId, int year, String amount, int orders, LocalDate last) {
        jdbc.sql("insert into customer_revenue (customer_id, revenue_year, amount, order_count, last_order_date) "
                        + "values (:c, :y, :a, :o, :l)")
                .param("c", customerId).param("y", year).param("a", new BigDecimal(amount)).param("o", orders)
                .param("l", last).update();
    }

    private String segmentOf(long id) {
        JsonNode s = get("/api/v1/customers/" + id, tokenFor("manager")).json().get("segment");
        return s == null || s.isNull() ? null : s.asString();
    }

    private List<String> trail(long id) {
        return get("/api/v1/audit-events/customer/" + id, tokenFor("manager")).json().valueStream()
                .map(e -> e.get("action").asString()).toList();
    }

    @Test
    void theDefaultRulesAreListedByPriority() {
        JsonNode rules = get(RULES, tokenFor("frontdesk")).json();
        assertThat(rules.valueStream().map(r -> r.get("segment").asString()))
                .containsExactly("BIG_ACCOUNT", "MAIN_ACCOUNT", "LOYAL", "GOOD");
        assertThat(rules.get(0).get("minRevenue").decimalValue()).isEqualByComparingTo("1000000");
    }

    @Test
    void negativeThresholdsAndDuplicatePrioritiesAreRefusedNamingTheRule() {
        Response negative = put(RULES, tokenFor("manager"), j("{'rules':[{'segment':'GOOD','priority':1,'minRevenue':-1,"
                + "'minOrders':0,'maxRecencyDays':-5}]}"));
        assertThat(negative.status()).isEqualTo(422);
        assertThat(negative.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .contains("rules[0].minRevenue", "rules[0].maxRecencyDays");
        Response duplicate = put(RULES, tokenFor("manager"), j("{'rules':[{'segment':'GOOD','priority':1,'minRevenue':0,"
                + "'minOrders':0},{'segment':'LOYAL','priority':1,'minRevenue':0,'minOrders':1}]}"));
        assertThat(duplicate.status()).isEqualTo(422);
        assertThat(duplicate.json().get("errors").get(0).get("field").asString()).isEqualTo("rules[1].priority");
        assertThat(duplicate.json().get("errors").get(0).get("rule").asString()).isEqualTo("unique");
        assertThat(put(RULES, tokenFor("supervisor"), j("{'rules':[]}")).status()).as("no customer:revenue").isEqualTo(403);
        assertThat(get(RULES, tokenFor("manager")).json().size()).as("nothing changed").isEqualTo(4);
    }

    @Test
    void editingARuleIsAuditedAndAStaleVersionIsRefused() {
        JsonNode rules = get(RULES, tokenFor("manager")).json();
        String original = rules.toString();
        assertThat(rules.get(3).get("segment").asString()).isEqualTo("GOOD");
        long version = rules.get(3).get("version").asLong();
        ((ObjectNode) rules.get(3)).put("minOrders", 3);
        String edited = rules.toString();
        Response saved = put(RULES, tokenFor("manager"), "{\"rules\":" + edited + "}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get(3).get("minOrders").asInt()).isEqualTo(3);
        JsonNode trail = get("/api/v1/audit-events/segment-rule/GOOD", tokenFor("manager")).json();
        JsonNode last = trail.get(trail.size() - 1);
        assertThat(last.get("action").asString()).isEqualTo("UPDATE");
        assertThat(last.get("changes").toString()).contains("minOrders").contains("\"2\"").contains("\"3\"");

        Response stale = put(RULES, tokenFor("manager"), "{\"rules\":" + original + "}");
        assertThat(stale.status()).as("version " + version + " is outdated").isEqualTo(409);
        JsonNode current = saved.json();
        ((ObjectNode) current.get(3)).put("minOrders", 2);
        String restored = current.toString();
        assertThat(put(RULES, tokenFor("manager"), "{\"rules\":" + restored + "}").status()).isEqualTo(200);
    }

    @Test
    void theRecomputeAssignsTheSegmentOfKnownRevenueAndAuditsOnlyChanges() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        long big = customer();
        revenue(big, today.getYear(), "1200000.00", 30, today.minusDays(10));
        long loyal = customer();
        revenue(loyal, today.getYear(), "20000.00", 15, today.minusDays(5));
        long stale = customer();
        revenue(stale, today.getYear() - 3, "9000000.00", 99, today.minusYears(3));

        Response r = post(RULES + "/recompute", tokenFor("manager"), null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("changed").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(r.json().get("counts").get("BIG_ACCOUNT").asInt()).isPositive();
        assertThat(segmentOf(big)).isEqualTo("BIG_ACCOUNT");
        assertThat(segmentOf(loyal)).isEqualTo("LOYAL");
        assertThat(segmentOf(stale)).as("revenue older than 12 months does not count").isNull();
        assertThat(trail(big)).containsExactly("CREATE", "SEGMENT");
        assertThat(trail(stale)).containsExactly("CREATE");

        assertThat(post(RULES + "/recompute", tokenFor("manager"), null).status()).isEqualTo(200);
        assertThat(trail(big)).as("unchanged: no second entry").containsExactly("CREATE", "SEGMENT");
        JsonNode filtered = get("/api/v1/customers?segment=BIG_ACCOUNT&limit=200", tokenFor("manager")).json();
        assertThat(filtered.get("items").valueStream().map(i -> i.get("id").asLong())).contains(big).doesNotContain(loyal);
        assertThat(post(RULES + "/recompute", tokenFor("supervisor"), null).status()).isEqualTo(403);
    }
}
