package com.careloop.customer.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.careloop.support.ApiTestBase;
import com.careloop.support.PageSession;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The key-customer pages and the 360 section in three languages, and proposing and deciding through the forms. */
class KeyCustomerPagesTest extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    private PageSession signedIn(String user) {
        PageSession s = new PageSession(port);
        s.login(user, DEMO_PASSWORD);
        s.get("/key-customers");
        return s;
    }

    private long customer() {
        long staff = jdbc.sql("select id from app_user where username = 'staff'").query(Long.class).single();
        Response r = post("/api/v1/customers", tokenFor("manager"), j("{'name':'页面重点" + UUID.randomUUID().toString()
                .substring(0, 8) + "','kind':'INDIVIDUAL','representativeId':" + staff + ",'confirmDuplicate':true}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private long demoKeyCustomer() {
        return jdbc.sql("select id from customer where name = '刘建华'").query(Long.class).single();
    }

    @ParameterizedTest
    @CsvSource({"zh-CN,当前重点客户,★ 重点,认定条件,区级以上政府官员,季度评审",
            "zh-TW,目前重點客戶,★ 重點,認定條件,區級以上政府官員,季度評審",
            "en,Current key customers,★ Key,Criterion,Government official,quarterly key-customer review"})
    void theKeyCustomerPagesAndThe360SectionRenderInEachLanguage(String lang, String current, String mark,
                                                                   String criterion, String official, String review) {
        PageSession s = signedIn("manager");
        PageSession.Page list = s.get("/key-customers?lang=" + lang);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains(current, mark, official, "刘建华", "id=\"pending-proposals\"")
                .doesNotContain("??");
        PageSession.Page profile = s.get("/customers/" + demoKeyCustomer() + "?lang=" + lang);
        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.body()).contains("id=\"key-customer-section\"", mark, criterion, official).doesNotContain("??");
        assertThat(profile.body()).as("RFM section for customer:revenue").contains("id=\"segment-rfm\"");
        PageSession.Page reviewPage = s.get("/key-customers/review?lang=" + lang);
        assertThat(reviewPage.status()).isEqualTo(200);
        assertThat(reviewPage.body()).contains(review, "id=\"review-progress\"", "刘建华").doesNotContain("??");
        assertThat(s.get("/customers?keyOnly=true&lang=" + lang).body()).contains(mark, "刘建华");
        PageSession.Page segments = s.get("/customers/segments?lang=" + lang);
        assertThat(segments.status()).isEqualTo(200);
        assertThat(segments.body()).contains("id=\"segment-rules\"").doesNotContain("??");
    }

    @Test
    void aDepartmentHeadProposesOnThe360PageAndTheManagerApprovesOnTheListPage() {
        long c = customer();
        PageSession head = signedIn("depthead");
        String profile = head.get("/customers/" + c).body();
        assertThat(profile).contains("id=\"key-proposal-form\"");
        PageSession.Page bad = head.post("/key-customers/proposals", "customerId", String.valueOf(c), "action", "FLAG",
                "criterion", "OTHER", "reason", "");
        assertThat(bad.status()).isEqualTo(302);
        assertThat(head.get("/customers/" + c).body()).as("a readable message, not an error page")
                .contains("flash error").contains("reason");
        PageSession.Page ok = head.post("/key-customers/proposals", "customerId", String.valueOf(c), "action", "FLAG",
                "criterion", "MAJOR_INCIDENT", "reason", "电梯困人重大报事");
        assertThat(ok.location()).endsWith("/customers/" + c);
        assertThat(head.get("/customers/" + c).body()).doesNotContain("id=\"key-proposal-form\"").contains("电梯困人重大报事");
        long proposal = jdbc.sql("select id from key_customer_proposal where customer_id = :c").param("c", c)
                .query(Long.class).single();

        PageSession manager = signedIn("manager");
        assertThat(manager.get("/key-customers").body()).contains("id=\"proposal-" + proposal + "\"");
        PageSession.Page decided = manager.post("/key-customers/proposals/" + proposal + "/approve", "comment", "同意");
        assertThat(decided.location()).endsWith("/key-customers");
        assertThat(get("/api/v1/customers/" + c, tokenFor("manager")).json().get("keyCustomer").asBoolean()).isTrue();
        assertThat(manager.get("/customers/" + c).body()).contains("★ 重点");
        assertThat(head.post("/key-customers/proposals/" + proposal + "/reject").status()).isEqualTo(403);
    }

    @Test
    void theManagerConfirmsAKeyCustomerInTheReviewWithOneClick() {
        long c = customer();
        PageSession head = signedIn("depthead");
        head.post("/key-customers/proposals", "customerId", String.valueOf(c), "action", "FLAG", "criterion", "NEWS_MEDIA");
        long proposal = jdbc.sql("select id from key_customer_proposal where customer_id = :c").param("c", c)
                .query(Long.class).single();
        PageSession manager = signedIn("manager");
        manager.post("/key-customers/proposals/" + proposal + "/approve");
        String review = manager.get("/key-customers/review").body();
        assertThat(review).contains("id=\"review-" + c + "\"");
        String quarter = get("/api/v1/key-customer-reviews", tokenFor("manager")).json().get("quarter").asString();
        PageSession.Page confirmed = manager.post("/key-customers/review", "quarter", quarter, "customerId",
                String.valueOf(c), "outcome", "CONFIRM", "comment", "继续保持");
        assertThat(confirmed.location()).contains("/key-customers/review?quarter=" + quarter);
        assertThat(manager.get("/key-customers/review?quarter=" + quarter).body()).contains("继续保持");
    }
}
