package com.careloop.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;

import javax.imageio.ImageIO;

import com.careloop.support.PageSession;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Phones and the public in the survey campaigns: a personal link issued again for an agent, as a QR code that
 * decodes to it; the check before sending (customers without e-mail, mail configured); the public title the
 * customer reads instead of the internal campaign name.
 */
class SurveyPublicLinkApiTest extends SurveyCampaignTestBase {

    static final String INTERNAL = "内部：华东区经销商抽样 Q4";

    long sentCampaign(String region, String extra) {
        Response created = post(BASE, tokenFor("manager"), j("{'name':'" + INTERNAL + "','templateId':" + templateId()
                + ",'periodFrom':'2026-10-01','periodTo':'2026-12-31','deadline':'2099-12-15',"
                + "'population':{'region':'" + region + "'}" + (extra == null ? "" : "," + extra) + "}"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        step(id, "draw", null);
        step(id, "send", null);
        return id;
    }

    static String decode(String dataUrl) throws Exception {
        assertThat(dataUrl).startsWith("data:image/png;base64,");
        byte[] png = Base64.getDecoder().decode(dataUrl.substring(dataUrl.indexOf(',') + 1));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        // PURE_BARCODE: the image is a generated code, not a photo. Without the hint ZXing's finder-pattern detector
        // misses about 1 in 130 random links (measured on 3,000), which made this test fail at random.
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }

    @Test
    void anAgentGetsANewLinkAsAQrCodeThatDecodesToItAndTheOldLinkStops() throws Exception {
        String region = region();
        customers(region, 1, "ORGANISATION", true);
        long id = sentCampaign(region, "'defaultChannel':'EMAIL'");
        String mailed = token(surveyMails(1).get(0));
        long invitation = get(BASE + "/" + id + "/invitations", tokenFor("manager")).json().get(0).get("id").asLong();

        Response issued = post(BASE + "/" + id + "/invitations/" + invitation + "/link", tokenFor("manager"), null);
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        String link = issued.json().get("link").asString();
        assertThat(link).matches("http://localhost/s/[A-Za-z0-9_-]{43}");
        assertThat(decode(issued.json().get("qrPng").asString())).isEqualTo(link);
        assertThat(issued.json().get("qrSvg").asString()).startsWith("<svg").contains("<path d=\"M");
        assertThat(issued.json().get("expiresAt").asString()).isNotBlank();

        String token = link.substring(link.lastIndexOf('/') + 1);
        assertThat(new PageSession(port).get("/s/" + token).status()).isEqualTo(200);
        assertThat(new PageSession(port).get("/s/" + mailed).status()).as("the mailed link stops working").isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'survey-campaign' and record_id = :id"
                        + " and action = 'LINK_REISSUED'").param("id", String.valueOf(id)).query(Long.class).single())
                .isEqualTo(1);
        // a second issue invalidates the first
        Response again = post(BASE + "/" + id + "/invitations/" + invitation + "/link", tokenFor("manager"), null);
        assertThat(new PageSession(port).get("/s/" + token).status()).isEqualTo(404);
        assertThat(decode(again.json().get("qrPng").asString())).isEqualTo(again.json().get("link").asString());
    }

    @Test
    void aPhoneInvitationGetsALinkTooButNotOnceAnswered() throws Exception {
        String region = region();
        customers(region, 1, "INDIVIDUAL", false);
        long id = sentCampaign(region, "'defaultChannel':'PHONE'");
        long invitation = get(BASE + "/" + id + "/invitations", tokenFor("manager")).json().get(0).get("id").asLong();
        Response issued = post(BASE + "/" + id + "/invitations/" + invitation + "/link", tokenFor("manager"), null);
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        String link = issued.json().get("link").asString();
        assertThat(new PageSession(port).get("/s/" + link.substring(link.lastIndexOf('/') + 1)).status()).isEqualTo(200);

        jdbc.sql("update survey_invitation set answered_at = current_timestamp where id = :id").param("id", invitation)
                .update();
        Response refused = post(BASE + "/" + id + "/invitations/" + invitation + "/link", tokenFor("manager"), null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("answered");
        // no link without the survey:run permission
        assertThat(post(BASE + "/" + id + "/invitations/" + invitation + "/link", tokenFor("frontdesk"), null).status())
                .isEqualTo(403);
    }

    @Test
    void beforeSendingThePageSaysHowManyHaveNoEmailAndWhetherMailIsConfigured() {
        String region = region();
        customers(region, 3, "ORGANISATION", true);
        customers(region, 2, "ORGANISATION", false);
        Response created = post(BASE, tokenFor("manager"), j("{'name':'" + INTERNAL + "','templateId':" + templateId()
                + ",'periodFrom':'2026-10-01','periodTo':'2026-12-31','deadline':'2099-12-15','defaultChannel':'EMAIL',"
                + "'population':{'region':'" + region + "'}}"));
        long id = created.json().get("id").asLong();
        assertThat(get(BASE + "/" + id + "/send-check", tokenFor("manager")).status()).as("not drawn yet").isEqualTo(409);
        step(id, "draw", null);
        JsonNode check = get(BASE + "/" + id + "/send-check", tokenFor("manager")).json();
        assertThat(check.get("sampleSize").asInt()).isEqualTo(5);
        assertThat(check.get("withoutEmail").asInt()).isEqualTo(2);
        assertThat(check.get("defaultChannel").asString()).isEqualTo("EMAIL");
        assertThat(check.get("mailConfigured").asBoolean()).as("spring.mail.host is set in these tests").isTrue();

        PageSession s = new PageSession(port);
        s.login("manager", DEMO_PASSWORD);
        assertThat(s.get("/surveys/campaigns/" + id).body()).contains("id=\"send-check\"",
                "样本 5 位客户中，2 位没有电子邮箱。", "没有邮箱的客户将进入电话回访名单。", "邮件发送已配置");
        assertThat(s.get("/surveys/campaigns/" + id + "?lang=en").body())
                .contains("Of the 5 customers in the sample, 2 have no e-mail address.");
        step(id, "send", null);
        assertThat(get(BASE + "/" + id + "/send-check", tokenFor("manager")).status()).isEqualTo(409);
    }

    @Test
    void theCustomerReadsThePublicTitleNotTheInternalName() throws Exception {
        String region = region();
        customers(region, 1, "ORGANISATION", true);
        long id = sentCampaign(region, "'defaultChannel':'EMAIL','publicTitle':{'zhCn':'2026 年度服务满意度调查',"
                + "'zhTw':'2026 年度服務滿意度調查','en':'2026 service satisfaction survey'}");
        MimeMessage m = surveyMails(1).get(0);
        assertThat(m.getSubject()).isEqualTo("华东纸品包装有限公司：2026 年度服务满意度调查").doesNotContain(INTERNAL);
        assertThat(String.valueOf(m.getContent())).contains("2026 年度服务满意度调查").doesNotContain(INTERNAL);
        String token = token(m);
        assertThat(new PageSession(port).get("/s/" + token).body()).contains("2026 年度服务满意度调查")
                .doesNotContain(INTERNAL);
        assertThat(new PageSession(port).get("/s/" + token + "?hl=zh-TW").body()).contains("2026 年度服務滿意度調查");
        assertThat(new PageSession(port).get("/s/" + token + "?hl=en").body()).contains("2026 service satisfaction survey")
                .doesNotContain(INTERNAL);

        JsonNode detail = get(BASE + "/" + id, tokenFor("manager")).json();
        assertThat(detail.get("publicTitle").get("en").asString()).isEqualTo("2026 service satisfaction survey");
        Response changed = put(BASE + "/" + id + "/public-title", tokenFor("manager"),
                j("{'publicTitle':{'zhCn':'客户回访问卷'},'version':" + detail.get("version").asLong() + "}"));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        // a language without its own title reads the zh-CN one
        assertThat(new PageSession(port).get("/s/" + token + "?hl=en").body()).contains("客户回访问卷");
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'survey-campaign' and record_id = :id"
                + " and action = 'RETITLE'").param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
        Response tooLong = put(BASE + "/" + id + "/public-title", tokenFor("manager"),
                j("{'publicTitle':{'zhCn':'" + "长".repeat(201) + "'}}"));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.body()).contains("publicTitle.zhCn");
    }

    @Test
    void withoutAPublicTitleTheCustomerReadsAGenericOne() throws Exception {
        String region = region();
        customers(region, 1, "ORGANISATION", true);
        sentCampaign(region, "'defaultChannel':'EMAIL'");
        MimeMessage m = surveyMails(1).get(0);
        assertThat(m.getSubject()).isEqualTo("华东纸品包装有限公司：顾客满意度调查");
        assertThat(new PageSession(port).get("/s/" + token(m) + "?hl=en").body())
                .contains("Customer satisfaction survey").doesNotContain(INTERNAL);
    }
}
