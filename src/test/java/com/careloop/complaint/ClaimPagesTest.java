package com.careloop.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import com.careloop.support.PageSession;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The claim, return and compensation pages: lists in every language, a claim entered and stepped through forms. */
class ClaimPagesTest extends ClaimTestSupport {

    PageSession as(String user, String lang) {
        PageSession s = new PageSession(port);
        s.login(user, DEMO_PASSWORD);
        s.get("/?lang=" + lang);
        return s;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "zh-CN, 索赔, 七天无理由退货汇总, 先行赔偿, （无理由）",
            "zh-TW, 索賠, 七天無理由退貨匯總, 先行賠償, （無理由）",
            "en, Claims, Seven-day no-reason returns, Advance compensation, (no reason)"})
    void theListsRenderInEveryLanguage(String lang, String claims, String returns, String compensations, String noReason) {
        PageSession s = as("manager", lang);
        String home = s.get("/").body();
        assertThat(home).contains("href=\"/claims\"").contains("href=\"/returns\"").contains("href=\"/compensations\"");
        PageSession.Page list = s.get("/claims");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("id=\"claims\"").contains(claims).doesNotContain("??");
        PageSession.Page r = s.get("/returns");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("id=\"return-summary\"").contains(returns).contains(noReason).doesNotContain("??");
        PageSession.Page c = s.get("/compensations");
        assertThat(c.status()).isEqualTo(200);
        assertThat(c.body()).contains(compensations).doesNotContain("??");
        assertThat(s.get("/claims/new").body()).doesNotContain("??");
        assertThat(s.get("/returns/new").body()).doesNotContain("??");
        assertThat(s.get("/compensations/new").body()).doesNotContain("??");
    }

    @Test
    void aClaimIsEnteredAndSteppedThroughThePageForms() {
        long customer = newCustomer();
        PageSession s = as("complaints", "zh-CN");
        s.get("/claims/new?customerId=" + customer);
        PageSession.Page created = s.post("/claims", "customerId", String.valueOf(customer), "product", "纸箱 BC-580",
                "claimedAmount", "360.50", "description", "受潮");
        assertThat(created.status()).isEqualTo(302);
        String path = created.location().replaceFirst("^https?://[^/]+", "");
        assertThat(path).matches("/claims/\\d+");
        PageSession.Page detail = s.get(path);
        assertThat(detail.body()).contains("SP").contains("360.50").contains("id=\"evidence-form\"").doesNotContain("??");
        s.post(path + "/evidence", "note", "收货单签注", "version", "0");
        s.post(path + "/inspect", "method", "ON_SITE", "findings", "含水率高", "inspector", "周卫东",
                "inspectedOn", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString());
        s.post(path + "/responsibility", "responsibility", "OURS");
        PageSession.Page refused = s.post(path + "/propose", "amount", "-3");
        assertThat(refused.status()).isEqualTo(302);
        String back = refused.location().replaceFirst("^https?://[^/]+", "");
        assertThat(s.get(back).body()).contains("金额不能为负数");
        s.post(path + "/propose", "amount", "300");
        PageSession.Page proposed = s.get(path);
        assertThat(proposed.body()).contains("待审批").contains("300.00").contains("id=\"timeline\"")
                .doesNotContain("id=\"approve-form\"");
        PageSession manager = as("manager", "zh-CN");
        assertThat(manager.get(path).body()).contains("id=\"approve-form\"");
        manager.post(path + "/approve");
        assertThat(manager.get(path).body()).contains("已批准").contains("王丽华");
        long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
        assertThat(kinds(get("/api/v1/claims/" + id, tokenFor("gm")).json())).containsExactly("REGISTERED", "EVIDENCE",
                "INSPECTED", "RESPONSIBILITY", "PROPOSED", "APPROVED");
    }

    @Test
    void aReturnSlipAndACompensationAreEnteredOnThePages() {
        long customer = newCustomer();
        LocalDate today = today();
        PageSession desk = as("frontdesk", "zh-CN");
        desk.get("/returns/new?customerId=" + customer);
        PageSession.Page slip = desk.post("/returns", "customerId", String.valueOf(customer), "product", "电热水壶",
                "purchaseDate", today.minusDays(2).toString(), "receivedOn", today.minusDays(2).toString(),
                "goodsCondition", "INTACT", "refundAmount", "129", "refundMethod", "CASH");
        assertThat(slip.status()).isEqualTo(302);
        String path = slip.location().replaceFirst("^https?://[^/]+", "");
        assertThat(desk.get(path).body()).contains("TH").contains(today.plusDays(5).toString()).contains("id=\"accept-form\"");
        PageSession.Page late = desk.post("/returns", "customerId", String.valueOf(customer), "product", "电热水壶",
                "purchaseDate", today.minusDays(9).toString(), "receivedOn", today.minusDays(8).toString(),
                "goodsCondition", "INTACT", "refundAmount", "129", "refundMethod", "CASH");
        assertThat(desk.get(late.location().replaceFirst("^https?://[^/]+", "")).body())
                .contains("已超过七天无理由退货期限").contains(today.minusDays(1).toString());

        PageSession specialist = as("complaints", "zh-CN");
        PageSession.Page request = specialist.post("/compensations", "customerId", String.valueOf(customer),
                "reason", "爽约误工", "amount", "200");
        String comp = request.location().replaceFirst("^https?://[^/]+", "");
        assertThat(comp).matches("/compensations/\\d+");
        PageSession supervisor = as("supervisor", "zh-CN");
        supervisor.post(comp + "/supervisor");
        assertThat(supervisor.get(comp).body()).contains("待经理审批").contains("李明").contains("id=\"approval-chain\"");
    }

    @Test
    void theNextStepSaysWhoseItIsUpToTheApproverOfTheAmount() {
        long id = ok("complaints", "/api/v1/claims", "{'customerId':" + newCustomer() + ",'product':'纸护角',"
                + "'claimedAmount':3000,'description':'下一步测试'}").get("id").asLong();
        assertThat(as("gm", "zh-CN").get("/claims/" + id).body()).contains("等待投诉专员处理");
        assertThat(as("complaints", "zh-CN").get("/claims/" + id).body()).contains("href=\"#evidence-form\"");
        ok("complaints", "/api/v1/claims/" + id + "/evidence", "{'note':'现场照片'}");
        ok("quality", "/api/v1/claims/" + id + "/inspect", "{'method':'RETURNED_GOODS','findings':'受潮','inspector':'周卫东',"
                + "'inspectedOn':'" + today() + "'}");
        ok("complaints", "/api/v1/claims/" + id + "/responsibility", "{'responsibility':'OURS'}");
        ok("complaints", "/api/v1/claims/" + id + "/propose", "{'proposedAmount':3000}");
        // 3000 is above the supervisor's limit: the manager approves it
        assertThat(as("supervisor", "zh-CN").get("/claims/" + id).body()).contains("等待客服经理审批（金额 3000.00）");
        assertThat(as("complaints", "en").get("/claims/" + id).body()).contains("Waiting for the Customer service manager to approve (3000.00)");
        assertThat(as("manager", "zh-CN").get("/claims/" + id).body()).contains("id=\"next-step-action\"")
                .contains("href=\"#approve-form\"");
    }
}
