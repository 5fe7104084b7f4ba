package com.careloop.customer.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.careloop.customer.KeyCustomers;
import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** Key-customer proposals and the quarterly review over the API, as the department head and the CS center use them. */
class KeyCustomerApiTest extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    KeyCustomers keyCustomers;
    @Autowired
    KeyCustomerReviews reviews;

    private long userId(String username) {
        return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
    }

    /** A customer served by {@code rep}: staff works in the repair team, inside the department head's tree. */
    private long customer(String rep) {
        String name = "重点测试" + UUID.randomUUID().toString().substring(0, 8);
        Response r = post("/api/v1/customers", tokenFor("manager"), j("{'name':'" + name + "','kind':'INDIVIDUAL',"
                + "'representativeId':" + userId(rep) + ",'confirmDuplicate':true}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private Response propose(String user, long customerId, String action, String criterion, String reason) {
        return post("/api/v1/key-customer-proposals", tokenFor(user), j("{'customerId':" + customerId + ",'action':'"
                + action + "','criterion':'" + criterion + "'" + (reason == null ? "" : ",'reason':'" + reason + "'") + "}"));
    }

    private long proposed(long customerId, String action, String criterion) {
        Response r = propose("depthead", customerId, action, criterion, "区人大代表");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private Response decide(String user, long proposalId, String decision, String comment) {
        return post("/api/v1/key-customer-proposals/" + proposalId + "/" + decision, tokenFor(user),
                j("{'comment':'" + comment + "'}"));
    }

    private JsonNode customerJson(long id) {
        return get("/api/v1/customers/" + id, tokenFor("manager")).json();
    }

    private List<String> trail(String type, long id) {
        return get("/api/v1/audit-events/" + type + "/" + id, tokenFor("manager")).json().valueStream()
                .map(e -> e.get("action").asString()).toList();
    }

    private long notifications(String user, String titleLike, String linkLike) {
        return jdbc.sql("select count(*) from notification where recipient_id = :u and title like :t and link like :l")
                .param("u", userId(user)).param("t", titleLike).param("l", linkLike).query(Long.class).single();
    }

    private long flagged(long customerId) {
        long p = proposed(customerId, "FLAG", "GOVERNMENT_OFFICIAL");
        assertThat(decide("manager", p, "approve", "同意").status()).isEqualTo(200);
        return p;
    }

    @Test
    void anApprovedFlagProposalMakesTheCustomerAKeyCustomerWithTrailsAndNotifications() {
        long c = customer("staff");
        Response r = propose("depthead", c, "FLAG", "GOVERNMENT_OFFICIAL", "区人大代表");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode p = r.json();
        assertThat(p.get("status").asString()).isEqualTo("PENDING");
        assertThat(p.get("proposedByName").asString()).isEqualTo("陈志强");
        long id = p.get("id").asLong();
        assertThat(notifications("manager", "重点客户申请待审批%", "/key-customers#proposal-" + id)).isEqualTo(1);
        assertThat(notifications("supervisor", "重点客户申请待审批%", "/key-customers#proposal-" + id)).isEqualTo(1);
        assertThat(customerJson(c).get("keyCustomer").asBoolean()).isFalse();

        Response approved = decide("supervisor", id, "approve", "符合区级以上政府官员条件");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.json().get("decidedByName").asString()).isEqualTo("李明");
        assertThat(approved.json().get("decidedAt").asString()).endsWith("Z");

        JsonNode customer = customerJson(c);
        assertThat(customer.get("keyCustomer").asBoolean()).isTrue();
        assertThat(customer.get("keyCriterion").asString()).isEqualTo("GOVERNMENT_OFFICIAL");
        assertThat(customer.get("keySince").asString()).isNotBlank();
        assertThat(trail("customer", c)).containsExactly("CREATE", "KEY_FLAG");
        assertThat(trail("key-customer-proposal", id)).containsExactly("CREATE", "APPROVE");
        assertThat(notifications("depthead", "重点客户申请已批准%", "/customers/" + c)).isEqualTo(1);
        assertThat(keyCustomers.isKey(c)).isTrue();
        assertThat(keyCustomers.keyCustomerIds()).contains(c);

        JsonNode list = get("/api/v1/key-customer-proposals?customerId=" + c, tokenFor("depthead")).json();
        assertThat(list.get("items").valueStream().map(i -> i.get("id").asLong())).containsExactly(id);
    }

    @Test
    void aRejectedProposalLeavesTheCustomerAsItWas() {
        long c = customer("staff");
        long id = proposed(c, "FLAG", "NEWS_MEDIA");
        Response rejected = decide("manager", id, "reject", "证据不足");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.json().get("decisionComment").asString()).isEqualTo("证据不足");
        assertThat(customerJson(c).get("keyCustomer").asBoolean()).isFalse();
        assertThat(trail("customer", c)).containsExactly("CREATE");
        assertThat(notifications("depthead", "重点客户申请被驳回%", "/customers/" + c)).isEqualTo(1);
        // once decided, a new proposal may be made
        assertThat(propose("depthead", c, "FLAG", "NEWS_MEDIA", null).status()).isEqualTo(201);
    }

    @Test
    void aSecondPendingProposalForTheSameCustomerIsRefused() {
        long c = customer("staff");
        proposed(c, "FLAG", "MAJOR_INCIDENT");
        Response second = propose("depthead", c, "FLAG", "MAJOR_COMPLAINT", null);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("detail").asString()).contains("待审批");
        assertThat(get("/api/v1/key-customer-proposals?status=PENDING&customerId=" + c, tokenFor("manager")).json()
                .get("items").size()).isEqualTo(1);
    }

    @Test
    void aProposalCannotBeDecidedTwice() {
        long c = customer("staff");
        long id = proposed(c, "FLAG", "MAJOR_INCIDENT");
        assertThat(decide("manager", id, "approve", "同意").status()).isEqualTo(200);
        Response again = decide("supervisor", id, "reject", "重复");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("已批准");
        assertThat(decide("manager", id, "approve", "再次").status()).isEqualTo(409);
        assertThat(trail("key-customer-proposal", id)).containsExactly("CREATE", "APPROVE");
    }

    @Test
    void aDepartmentHeadMayProposeButNotApprove() {
        long c = customer("staff");
        long id = proposed(c, "FLAG", "NEWS_MEDIA");
        assertThat(decide("depthead", id, "approve", "自己批").status()).isEqualTo(403);
        assertThat(decide("depthead", id, "reject", "自己驳").status()).isEqualTo(403);
        assertThat(propose("frontdesk", c, "FLAG", "NEWS_MEDIA", null).status()).isEqualTo(403);
        assertThat(get("/api/v1/key-customer-proposals/" + id, tokenFor("manager")).json().get("status").asString())
                .isEqualTo("PENDING");
    }

    @Test
    void flaggingAKeyCustomerOrUnflaggingAnOrdinaryOneIsRefused() {
        long c = customer("staff");
        Response unflag = propose("depthead", c, "UNFLAG", "OTHER", "不再担任");
        assertThat(unflag.status()).isEqualTo(409);
        assertThat(unflag.json().get("detail").asString()).contains("不是重点客户");
        flagged(c);
        Response flagAgain = propose("depthead", c, "FLAG", "NEWS_MEDIA", null);
        assertThat(flagAgain.status()).isEqualTo(409);
        assertThat(flagAgain.json().get("detail").asString()).contains("已是重点客户");
        // unflagging goes through the same approval
        long u = proposed(c, "UNFLAG", "OTHER");
        assertThat(decide("manager", u, "approve", "已卸任").status()).isEqualTo(200);
        JsonNode customer = customerJson(c);
        assertThat(customer.get("keyCustomer").asBoolean()).isFalse();
        assertThat(customer.get("keyCriterion").isNull()).isTrue();
        assertThat(trail("customer", c)).containsExactly("CREATE", "KEY_FLAG", "KEY_UNFLAG");
    }

    @Test
    void otherWithoutAReasonAndUnknownOrOutOfScopeCustomersNameTheField() {
        long c = customer("staff");
        Response noReason = propose("depthead", c, "FLAG", "OTHER", "  ");
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        assertThat(noReason.json().get("errors").get(0).get("rule").asString()).isEqualTo("required");
        assertThat(propose("depthead", c, "FLAG", "OTHER", "长期合作的社区代表").status()).isEqualTo(201);

        Response unknown = propose("depthead", 987654321L, "FLAG", "NEWS_MEDIA", null);
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("customerId");

        // sales' customers belong to the sales department, outside the engineering head's tree
        long foreign = customer("sales");
        Response outOfScope = propose("depthead", foreign, "FLAG", "NEWS_MEDIA", null);
        assertThat(outOfScope.status()).isEqualTo(422);
        assertThat(outOfScope.json().get("errors").get(0).get("field").asString()).isEqualTo("customerId");
        assertThat(get("/api/v1/key-customer-proposals?customerId=" + foreign, tokenFor("manager")).json()
                .get("items").size()).isZero();

        Response missing = post("/api/v1/key-customer-proposals", tokenFor("depthead"), j("{'customerId':" + c + "}"));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .contains("action", "criterion");
    }

    @Test
    void theQuarterlyReviewConfirmsOrRemovesEachKeyCustomerOnceAndShowsProgress() {
        long keep = customer("staff");
        long drop = customer("staff");
        flagged(keep);
        flagged(drop);
        String quarter = get("/api/v1/key-customer-reviews", tokenFor("manager")).json().get("quarter").asString();
        assertThat(quarter).matches("\\d{4}-Q[1-4]");
        JsonNode before = get("/api/v1/key-customer-reviews?quarter=" + quarter, tokenFor("manager")).json();
        int reviewed = before.get("progress").get("reviewed").asInt();
        int total = before.get("progress").get("total").asInt();
        assertThat(before.get("items").valueStream().filter(i -> i.get("outcome").isNull())
                .map(i -> i.get("customerId").asLong())).contains(keep, drop);

        Response confirm = post("/api/v1/key-customer-reviews", tokenFor("manager"), j("{'quarter':'" + quarter
                + "','customerId':" + keep + ",'outcome':'CONFIRM','comment':'仍为区人大代表'}"));
        assertThat(confirm.status()).as(confirm.body()).isEqualTo(201);
        assertThat(confirm.json().get("outcome").asString()).isEqualTo("CONFIRM");
        assertThat(confirm.json().get("reviewerName").asString()).isEqualTo("王丽华");
        Response remove = post("/api/v1/key-customer-reviews", tokenFor("supervisor"), j("{'quarter':'" + quarter
                + "','customerId':" + drop + ",'outcome':'REMOVE','comment':'已卸任'}"));
        assertThat(remove.status()).as(remove.body()).isEqualTo(201);

        assertThat(customerJson(keep).get("keyCustomer").asBoolean()).isTrue();
        assertThat(customerJson(drop).get("keyCustomer").asBoolean()).isFalse();
        assertThat(trail("customer", drop)).containsExactly("CREATE", "KEY_FLAG", "KEY_REVIEW_REMOVE");
        JsonNode after = get("/api/v1/key-customer-reviews?quarter=" + quarter, tokenFor("manager")).json();
        assertThat(after.get("progress").get("reviewed").asInt()).isEqualTo(reviewed + 2);
        assertThat(after.get("progress").get("total").asInt()).as("a removed customer stays on the quarter's list")
                .isEqualTo(total);
        JsonNode removed = after.get("items").valueStream().filter(i -> i.get("customerId").asLong() == drop)
                .findFirst().orElseThrow();
        assertThat(removed.get("outcome").asString()).isEqualTo("REMOVE");
        assertThat(removed.get("keyCustomer").asBoolean()).isFalse();

        Response twice = post("/api/v1/key-customer-reviews", tokenFor("manager"), j("{'quarter':'" + quarter
                + "','customerId':" + keep + ",'outcome':'REMOVE'}"));
        assertThat(twice.status()).isEqualTo(409);
        Response notKey = post("/api/v1/key-customer-reviews", tokenFor("manager"), j("{'quarter':'" + quarter
                + "','customerId':" + customer("staff") + ",'outcome':'CONFIRM'}"));
        assertThat(notKey.status()).isEqualTo(409);
        Response future = post("/api/v1/key-customer-reviews", tokenFor("manager"), j("{'quarter':'2099-Q1',"
                + "'customerId':" + keep + ",'outcome':'CONFIRM'}"));
        assertThat(future.status()).isEqualTo(422);
        assertThat(future.json().get("errors").get(0).get("field").asString()).isEqualTo("quarter");
        assertThat(post("/api/v1/key-customer-reviews", tokenFor("depthead"), j("{'quarter':'" + quarter
                + "','customerId':" + keep + ",'outcome':'CONFIRM'}")).status()).isEqualTo(403);
        assertThat(get("/api/v1/key-customer-reviews?quarter=2026Q4", tokenFor("manager")).status()).isEqualTo(422);
    }

    @Test
    void theReviewReminderGoesToTheApproversOncePerQuarter() {
        flagged(customer("staff"));
        // a quarter far ahead, in its review month: nobody has reviewed it, so it is due and incomplete
        LocalDate reviewMonth = LocalDate.of(2031, 6, 15);
        String quarter = "2031-Q2";
        assertThat(reviews.reminder(reviewMonth)).hasValueSatisfying(r -> {
            assertThat(r.quarter()).isEqualTo(quarter);
            assertThat(r.progress().complete()).isFalse();
        });
        assertThat(reviews.reminder(LocalDate.of(2031, 5, 31))).as("before the review month").isEmpty();
        int sent = reviews.remindIfDue(reviewMonth);
        assertThat(sent).isGreaterThanOrEqualTo(2);
        assertThat(notifications("manager", "重点客户季度评审%", "%quarter=" + quarter)).isEqualTo(1);
        assertThat(notifications("supervisor", "重点客户季度评审%", "%quarter=" + quarter)).isEqualTo(1);
        assertThat(notifications("depthead", "重点客户季度评审%", "%quarter=" + quarter)).isZero();
        assertThat(reviews.remindIfDue(reviewMonth.plusDays(1))).as("the next day's run").isZero();
        assertThat(notifications("manager", "重点客户季度评审%", "%quarter=" + quarter)).isEqualTo(1);
    }
}
