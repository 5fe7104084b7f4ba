package com.careloop.survey;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;

import com.careloop.support.PageSession;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The survey mail through a real SMTP server: its personal link opens that customer's questionnaire. */
class SurveyCampaignMailTest extends SurveyCampaignTestBase {

    @Test
    void theLinkInTheMailOpensTheRightQuestionnaire() throws Exception {
        String region = region();
        long customer = customers(region, 1, "ORGANISATION", true).get(0);
        String name = jdbc.sql("select name from customer where id = :id").param("id", customer).query(String.class).single();
        String email = jdbc.sql("select email from customer where id = :id").param("id", customer).query(String.class).single();
        long jdp = jdbc.sql("select max(id) from survey_template where code = 'JDP-SERVICE' and status = 'PUBLISHED'")
                .query(Long.class).single();
        Response created = post(BASE, tokenFor("manager"), j("{'name':'售后服务回访调查','templateId':" + jdp
                + ",'periodFrom':'2026-10-01','periodTo':'2026-12-31','deadline':'2099-12-15',"
                + "'population':{'region':'" + region + "'}}"));
        long id = created.json().get("id").asLong();
        step(id, "draw", null);
        step(id, "send", null);

        MimeMessage m = surveyMails(1).get(0);
        assertThat(m.getAllRecipients()[0].toString()).isEqualTo(email);
        // no public title given: the generic one, never the internal campaign name
        assertThat(m.getSubject()).isEqualTo("华东纸品包装有限公司：顾客满意度调查");
        String body = String.valueOf(m.getContent());
        assertThat(body).startsWith("尊敬的 " + name + "：").contains("http://localhost/s/");

        PageSession.Page page = new PageSession(port).get("/s/" + token(m));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(name, "服务顾问热情、礼貌", "很满意").doesNotContain("售后服务回访调查")
                .doesNotContain("产品质量水平");
        PageSession.Page english = new PageSession(port).get("/s/" + token(m) + "?hl=en");
        assertThat(english.body()).contains("The service advisor was friendly and courteous", "Submit");

        JsonNode invitation = get(BASE + "/" + id + "/invitations", tokenFor("manager")).json().get(0);
        for (int i = 0; i < 50 && !"SENT".equals(invitation.get("mailStatus").asString()); i++) {
            Thread.sleep(100);
            invitation = get(BASE + "/" + id + "/invitations", tokenFor("manager")).json().get(0);
        }
        assertThat(invitation.get("mailStatus").asString()).isEqualTo("SENT");
    }

    @Test
    void aFailedMailIsShownOnTheInvitationAndTheResendButtonRetries() throws Exception {
        String region = region();
        long customer = customers(region, 1, "ORGANISATION", true).get(0);
        jdbc.sql("update customer set email = 'not an address@@' where id = :id").param("id", customer).update();
        long id = createCampaign(region, null).get("id").asLong();
        step(id, "draw", null);
        step(id, "send", null);
        JsonNode invitation = get(BASE + "/" + id + "/invitations", tokenFor("manager")).json().get(0);
        for (int i = 0; i < 50 && !"FAILED".equals(invitation.get("mailStatus").asString()); i++) {
            Thread.sleep(100);
            invitation = get(BASE + "/" + id + "/invitations", tokenFor("manager")).json().get(0);
        }
        assertThat(invitation.get("mailStatus").asString()).isEqualTo("FAILED");
        assertThat(invitation.get("mailError").asString()).isNotBlank();

        long invitationId = invitation.get("id").asLong();
        jdbc.sql("update survey_invitation set email = 'fixed@kunde.example' where id = :id").param("id", invitationId)
                .update();
        Response resent = post(BASE + "/" + id + "/invitations/" + invitationId + "/resend", tokenFor("manager"), null);
        assertThat(resent.status()).as(resent.body()).isEqualTo(200);
        MimeMessage again = surveyMails(1).get(0);
        assertThat(again.getAllRecipients()[0].toString()).isEqualTo("fixed@kunde.example");
        assertThat(new PageSession(port).get("/s/" + token(again)).status()).isEqualTo(200);
    }
}
