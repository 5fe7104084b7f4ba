package com.careloop.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.careloop.support.ApiTestBase;
import com.careloop.support.TestMail;
import com.icegreen.greenmail.junit5.GreenMailExtension;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * Campaign tests: a real SMTP server (GreenMail on a free port, see {@link TestMail}) receives the survey mails, whose
 * personal links are the only way to the token page. Each test draws from its own region, so tests sharing
 * the context never see each other's customers.
 */
@ContextCustomizerFactories(TestMail.Ports.class)
@TestPropertySource(properties = {"spring.mail.host=localhost", "spring.mail.port=" + TestMail.SMTP_PORT,
        "careloop.base-url=http://localhost"})
public abstract class SurveyCampaignTestBase extends ApiTestBase {

    public static final String BASE = "/api/v1/survey-campaigns";
    private static final Pattern LINK = Pattern.compile("/s/([A-Za-z0-9_-]{43})");

    @RegisterExtension
    protected static GreenMailExtension mail = TestMail.smtp();

    @Autowired
    protected JdbcClient jdbc;

    /** A region of one's own. */
    protected static String region() {
        return "测试区-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** {@code count} customers of {@code kind} in {@code region}; {@code withEmail}: each has an address. */
    protected List<Long> customers(String region, int count, String kind, boolean withEmail) {
        List<Long> ids = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        for (int i = 0; i < count; i++) {
            String code = "SV" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
            jdbc.sql("""
                    insert into customer (code, name, kind, email, region, active, version, created_at, updated_at)
                    values (:code, :name, :kind, :email, :region, true, 0, :now, :now)""")
                    .param("code", code).param("name", "顾客" + code.substring(2, 8)).param("kind", kind)
                    .param("email", withEmail ? code.toLowerCase() + "@kunde.example" : null).param("region", region)
                    .param("now", now).update(keys, "id");
            ids.add(keys.getKey().longValue());
        }
        return ids;
    }

    protected long templateId() {
        return jdbc.sql("select max(id) from survey_template where code = 'R-QP-005-01' and status = 'PUBLISHED'")
                .query(Long.class).single();
    }

    protected JsonNode createCampaign(String region, String extra) {
        Response r = post(BASE, tokenFor("manager"), j("{'name':'2026 年度顾客满意度调查','templateId':" + templateId()
                + ",'periodFrom':'2026-10-01','periodTo':'2026-12-31','deadline':'2099-12-15',"
                + "'population':{'region':'" + region + "'}" + (extra == null ? "" : "," + extra) + "}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    protected JsonNode step(long id, String action, String body) {
        Response r = post(BASE + "/" + id + "/" + action, tokenFor("manager"), body == null ? null : j(body));
        assertThat(r.status()).as(action + ": " + r.body()).isEqualTo(200);
        return r.json();
    }

    /**
     * Waits for {@code count} survey mails (to the test customers' addresses; notification mails of other
     * features to staff may arrive on the same server meanwhile and are ignored) and returns them.
     */
    protected static java.util.List<MimeMessage> surveyMails(int count) throws Exception {
        long until = System.currentTimeMillis() + 15_000;
        java.util.List<MimeMessage> found = java.util.List.of();
        while (System.currentTimeMillis() < until) {
            found = java.util.Arrays.stream(mail.getReceivedMessages()).filter(m -> {
                try {
                    return m.getAllRecipients()[0].toString().endsWith("@kunde.example");
                } catch (jakarta.mail.MessagingException e) {
                    return false;
                }
            }).toList();
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(100);
        }
        assertThat(found).as("survey mails received").hasSize(count);
        return found;
    }

    /** Waits for {@code count} survey mails and returns the personal tokens in them, by recipient. */
    protected java.util.Map<String, String> tokensByRecipient(int count) throws Exception {
        java.util.Map<String, String> tokens = new java.util.LinkedHashMap<>();
        for (MimeMessage m : surveyMails(count)) {
            tokens.put(m.getAllRecipients()[0].toString(), token(m));
        }
        return tokens;
    }

    protected static String token(MimeMessage m) throws Exception {
        Matcher matcher = LINK.matcher(String.valueOf(m.getContent()));
        assertThat(matcher.find()).as("a personal link in the mail").isTrue();
        return matcher.group(1);
    }

    protected long responses(long campaignId) {
        return jdbc.sql("select count(*) from survey_response where campaign_id = :c").param("c", campaignId)
                .query(Long.class).single();
    }
}
