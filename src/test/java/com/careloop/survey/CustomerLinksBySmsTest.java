package com.careloop.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import com.careloop.platform.channel.FakeAliyunSms;
import com.careloop.support.PageSession;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * Customer messages by channel (issue 19 §3, the platform's CustomerMessages): a survey campaign mails the customer
 * with an e-mail address (GreenMail) and texts the one with only a phone (a local fake of Aliyun's SMS API that
 * checks the signature), recording channel SMS; the SMS link opens the questionnaire. A request registered with a
 * contact phone texts its personal progress link, which opens the public progress page without number and phone.
 */
class CustomerLinksBySmsTest extends SurveyCampaignTestBase {

    static final String SECRET = "sms-link-secret";
    static final FakeAliyunSms SMS = new FakeAliyunSms(SECRET);
    private static final Pattern LINK = Pattern.compile("(/s/[A-Za-z0-9_-]{43}|/public/service-requests/progress/\\S+)");

    @DynamicPropertySource
    static void sms(DynamicPropertyRegistry registry) {
        registry.add("careloop.sms.provider", () -> "aliyun");
        registry.add("careloop.sms.link-template", () -> "SMS_LINK_1");
        registry.add("careloop.sms.aliyun.access-key-id", () -> "LTAI-links");
        registry.add("careloop.sms.aliyun.access-key-secret", () -> SECRET);
        registry.add("careloop.sms.aliyun.sign-name", () -> "华东纸品");
        registry.add("careloop.sms.aliyun.endpoint", SMS::endpoint);
    }

    @Test
    void aCustomerWithOnlyAPhoneGetsTheSurveyLinkBySmsAndTheOtherByMail() throws Exception {
        String region = region();
        long withMail = customers(region, 1, "ORGANISATION", true).get(0);
        long withPhone = customers(region, 1, "ORGANISATION", false).get(0);
        String phone = "139" + String.format("%08d", Math.floorMod(withPhone * 7919L, 100_000_000L));
        jdbc.sql("update customer set phone = :p where id = :id").param("p", phone.substring(0, 3) + " "
                + phone.substring(3)).param("id", withPhone).update();
        long id = createCampaign(region, null).get("id").asLong();
        step(id, "draw", null);
        step(id, "send", null);

        MimeMessage mail = surveyMails(1).get(0);
        String email = jdbc.sql("select email from customer where id = :id").param("id", withMail)
                .query(String.class).single();
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(email);

        Map<String, String> sms = awaitSms(phone);
        assertThat(sms.get("TemplateCode")).isEqualTo("SMS_LINK_1");
        assertThat(sms.get("SignName")).isEqualTo("华东纸品");
        assertThat(SMS.problems).isEmpty();
        String link = link(sms);
        assertThat(link).startsWith("/s/");
        assertThat(new PageSession(port).get(link).status()).isEqualTo(200);

        JsonNode invitations = get(BASE + "/" + id + "/invitations", tokenFor("manager")).json();
        JsonNode texted = null;
        for (int i = 0; i < 50; i++) {
            texted = null;
            for (JsonNode inv : invitations) {
                if (inv.get("customerId").asLong() == withPhone) {
                    texted = inv;
                }
            }
            if (texted != null && "SENT".equals(texted.get("mailStatus").asString())) {
                break;
            }
            Thread.sleep(100);
            invitations = get(BASE + "/" + id + "/invitations", tokenFor("manager")).json();
        }
        assertThat(texted.get("channel").asString()).isEqualTo("SMS");
        assertThat(texted.get("mailStatus").asString()).isEqualTo("SENT");
        assertThat(jdbc.sql("select phone from survey_invitation where id = :id").param("id", texted.get("id").asLong())
                .query(String.class).single()).isEqualTo(phone);
    }

    @Test
    void aRequestWithAContactPhoneTextsItsProgressLink() throws Exception {
        String phone = "137" + String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L));
        Response r = post("/api/v1/service-requests", tokenFor("frontdesk"), j("{'contactName':'赵先生','contactPhone':'"
                + phone + "','type':'REPAIR','title':'进度短信','channel':'API'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String code = r.json().get("code").asString();

        Map<String, String> sms = awaitSms(phone);
        assertThat(sms.get("TemplateParam")).contains(code);
        String link = link(sms);
        PageSession.Page page = new PageSession(port).get(link);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(code);
        assertThat(new PageSession(port).get("/public/service-requests/progress/not-a-token").body())
                .doesNotContain(code);
    }

    private static Map<String, String> awaitSms(String phone) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            for (Map<String, String> m : SMS.received) {
                if (phone.equals(m.get("PhoneNumbers"))) {
                    return m;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no SMS to " + phone + " within 10 s; problems: " + SMS.problems);
    }

    private static String link(Map<String, String> sms) {
        Matcher m = LINK.matcher(sms.get("TemplateParam").replace("\\/", "/").replace("\"", " ").replace("}", " "));
        assertThat(m.find()).as(sms.get("TemplateParam")).isTrue();
        return m.group(1);
    }
}
