package com.careloop.survey;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.support.PageSession;

import org.junit.jupiter.api.Test;

/** The campaign pages over HTTP with CSRF: plan, draw, send, the live rate, the call list, the customer 360. */
class SurveyCampaignPagesTest extends SurveyCampaignTestBase {

    @Test
    void aCampaignIsPlannedDrawnAndSentFromThePages() {
        String region = region();
        long customer = customers(region, 4, "INDIVIDUAL", false).get(0);
        PageSession s = new PageSession(port);
        s.login("manager", DEMO_PASSWORD);
        PageSession.Page form = s.get("/surveys/campaigns/new");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("campaign-form", "R-QP-005-01");
        PageSession.Page created = s.post("/surveys/campaigns", "name", "2026 年度电话访问", "templateId",
                String.valueOf(templateId()), "periodFrom", "2026-10-01", "periodTo", "2026-12-31", "deadline",
                "2099-12-15", "kinds", "INDIVIDUAL", "region", region, "activeOnly", "true", "defaultChannel", "PHONE",
                "responseTarget", "70");
        assertThat(created.status()).isEqualTo(302);
        String detail = created.location().replaceAll("^https?://[^/]+", "");
        assertThat(detail).matches("/surveys/campaigns/\\d+");

        PageSession.Page draft = s.get(detail);
        assertThat(draft.body()).contains("do-draw").doesNotContain("do-send");
        assertThat(s.post(detail + "/draw").status()).isEqualTo(302);
        PageSession.Page sampled = s.get(detail);
        assertThat(sampled.body()).contains("id=\"preview-N\">4<", "id=\"preview-n\">4<", "N = 4 ≤ 10：全部调查，n = 4",
                "do-send");
        assertThat(s.post(detail + "/send").status()).isEqualTo(302);
        PageSession.Page sent = s.get(detail);
        assertThat(sent.body()).contains("id=\"rate-sent\">4<", "id=\"rate-answered\">0<", "电话访问", "call-list");
        // 002-E9: the printed questionnaire has R-QP-005-01's respondent boxes and the signature (or seal) and date
        java.util.regex.Matcher invitation = java.util.regex.Pattern.compile("/surveys/campaigns/\\d+/invitations/\\d+(?=/answer)")
                .matcher(sent.body());
        assertThat(invitation.find()).as("an invitation to enter").isTrue();
        String print = invitation.group() + "/print";
        String paper = s.get(print).body();
        assertThat(paper).contains("id=\"print-respondent\"", "顾客名称", "电话", "地址", "联系人", "客户签名/盖章", "日期")
                .doesNotContain("??");
        assertThat(s.get(print + "?lang=en").body()).contains("Customer name", "Contact person",
                "Customer signature / seal").doesNotContain("??");
        assertThat(s.get(print + "?lang=zh-TW").body()).contains("顧客名稱", "聯絡人", "客戶簽名/蓋章");
        s.get(detail + "?lang=zh-CN");
        PageSession.Page rates = s.get(detail + "/rates");
        assertThat(rates.body()).contains("hx-trigger=\"every 15s\"", "id=\"rate-sent\">4<").doesNotContain("<html");
        PageSession.Page calls = s.get(detail + "/call-list");
        assertThat(calls.status()).isEqualTo(200);
        assertThat(calls.body()).contains("/answer");
        PageSession.Page profile = s.get("/customers/" + customer);
        assertThat(profile.body()).contains("customer-surveys", "2026 年度电话访问");

        // a refused step comes back as a message on the page, never an error page
        assertThat(s.post(detail + "/send").status()).isEqualTo(302);
        assertThat(s.get(detail).body()).contains("flash error");
    }

    @Test
    void aCampaignWithoutRecipientsShowsAReadableMessage() {
        PageSession s = new PageSession(port);
        s.login("manager", DEMO_PASSWORD);
        s.get("/surveys/campaigns/new");
        String detail = s.post("/surveys/campaigns", "name", "空总体", "templateId", String.valueOf(templateId()),
                "periodFrom", "2026-10-01", "periodTo", "2026-12-31", "deadline", "2099-12-15", "region", region())
                .location().replaceAll("^https?://[^/]+", "");
        s.get(detail);
        s.post(detail + "/draw");
        assertThat(s.get(detail).body()).contains("flash error", "筛选条件下没有客户");
        assertThat(s.get("/surveys/campaigns").body()).contains("空总体");
    }
}
