package com.careloop.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.careloop.support.PageSession;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Campaigns over HTTP: plan, draw (N, rule, n, seed), send, the token page (GET records nothing, one POST, then
 * the polite pages), the supplementary round with the rate before and after, and the refusals.
 */
class SurveyCampaignApiTest extends SurveyCampaignTestBase {

    private static final Pattern NONCE = Pattern.compile("name=\"nonce\" value=\"([^\"]+)\"");

    static String nonce(String page) {
        Matcher m = NONCE.matcher(page);
        assertThat(m.find()).as("the form's nonce").isTrue();
        return m.group(1);
    }

    PageSession.Page answer(String token, String... ratings) {
        PageSession browser = new PageSession(port);
        PageSession.Page form = browser.get("/s/" + token);
        assertThat(form.status()).isEqualTo(200);
        String[] fields = new String[ratings.length + 2];
        fields[0] = "nonce";
        fields[1] = nonce(form.body());
        System.arraycopy(ratings, 0, fields, 2, ratings.length);
        return browser.postWithoutCsrf("/s/" + token, fields);
    }

    /** A campaign sent to one customer with an e-mail address; its mail is on the way. */
    long sentToOneCustomer() {
        String region = region();
        customers(region, 1, "ORGANISATION", true);
        long id = createCampaign(region, null).get("id").asLong();
        step(id, "draw", null);
        step(id, "send", null);
        return id;
    }

    @Test
    void aCampaignFromDrawToTheSupplementaryRound() throws Exception {
        String region = region();
        customers(region, 12, "ORGANISATION", true);
        JsonNode c = createCampaign(region, "'responseTarget':70");
        long id = c.get("id").asLong();
        assertThat(c.get("code").asString()).matches("MY\\d{4}-\\d{4}");
        assertThat(c.get("status").asString()).isEqualTo("DRAFT");
        assertThat(c.get("preview").isNull()).isTrue();

        JsonNode drawn = step(id, "draw", "{'seed':20261202}");
        JsonNode preview = drawn.get("preview");
        assertThat(drawn.get("status").asString()).isEqualTo("SAMPLED");
        assertThat(preview.get("population").asInt()).isEqualTo(12);
        assertThat(preview.get("band").asString()).isEqualTo("TEN_PERCENT");
        assertThat(preview.get("sampleSize").asInt()).isEqualTo(2);
        assertThat(preview.get("seed").asLong()).isEqualTo(20261202L);
        assertThat(preview.get("rule").asString()).isEqualTo("10 < N = 12 ≤ 100：抽取 10%，n = ⌈12 × 10%⌉ = 2");
        JsonNode redrawn = step(id, "draw", null);
        assertThat(redrawn.get("preview").get("seed").asLong()).isNotEqualTo(20261202L);
        step(id, "draw", "{'seed':20261202}");

        JsonNode sent = step(id, "send", null);
        assertThat(sent.get("status").asString()).isEqualTo("SENT");
        assertThat(sent.get("rates").get("total").get("sent").asLong()).isEqualTo(2);
        Map<String, String> tokens = tokensByRecipient(2);
        assertThat(tokens).hasSize(2);
        List<String> links = List.copyOf(tokens.values());
        JsonNode invitations = get(BASE + "/" + id + "/invitations", tokenFor("manager")).json();
        assertThat(invitations.size()).isEqualTo(2);
        assertThat(invitations.get(0).get("channel").asString()).isEqualTo("EMAIL");
        // only the hash is stored
        assertThat(jdbc.sql("select count(*) from survey_invitation where token_hash = :t").param("t", links.get(0))
                .query(Long.class).single()).isZero();

        // GET (a link scanner) records nothing
        PageSession scanner = new PageSession(port);
        for (int i = 0; i < 3; i++) {
            PageSession.Page page = scanner.get("/s/" + links.get(0));
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("产品质量水平", "survey-submit");
        }
        // no login, no session: the page sets no cookie and is never cached
        var raw = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/s/"
                + links.get(0))).header("Accept", "text/html").GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(raw.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(raw.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(raw.body()).doesNotContain("_csrf");
        assertThat(responses(id)).isZero();
        assertThat(jdbc.sql("select count(*) from survey_invitation where campaign_id = :c and answered_at is not null")
                .param("c", id).query(Long.class).single()).isZero();

        PageSession.Page submitted = answer(links.get(0), "r_Q1", "4", "r_Q2", "3", "r_D1", "4", "r_S1", "4", "r_T1", "3",
                "opinion", "交货及时，希望包装再加强");
        assertThat(submitted.status()).isEqualTo(302);
        assertThat(submitted.location()).contains("/s/thanks");
        assertThat(responses(id)).isEqualTo(1);

        // the same link again: the polite "already answered" page, and a second submit records nothing
        PageSession.Page again = new PageSession(port).get("/s/" + links.get(0));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains("survey-used").doesNotContain("survey-submit");
        PageSession second = new PageSession(port);
        PageSession.Page twice = second.postWithoutCsrf("/s/" + links.get(0), "nonce", "1.x", "r_Q1", "1");
        assertThat(twice.body()).contains("survey-used");
        assertThat(responses(id)).isEqualTo(1);

        JsonNode rates = get(BASE + "/" + id + "/response-rate", tokenFor("manager")).json();
        assertThat(rates.get("total").get("answered").asLong()).isEqualTo(1);
        assertThat(rates.get("total").get("rate").decimalValue()).isEqualByComparingTo("50.0");
        assertThat(rates.get("reached").asBoolean()).isFalse();
        assertThat(rates.get("before").isNull()).isTrue();

        mail.reset();
        JsonNode supplementary = step(id, "supplementary-round", null);
        assertThat(supplementary.get("status").asString()).isEqualTo("SUPPLEMENTARY");
        assertThat(supplementary.get("supplementaryAt").isNull()).isFalse();
        Map<String, String> second2 = tokensByRecipient(1);
        String newLink = second2.values().iterator().next();
        assertThat(newLink).isNotEqualTo(links.get(1));
        // the old link of the non-respondent no longer works
        assertThat(new PageSession(port).get("/s/" + links.get(1)).status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from survey_invitation where campaign_id = :c and supplementary_sent_at is not null")
                .param("c", id).query(Long.class).single()).isEqualTo(1);

        assertThat(answer(newLink, "r_Q1", "2", "r_D1", "3").status()).isEqualTo(302);
        JsonNode after = get(BASE + "/" + id, tokenFor("manager")).json().get("rates");
        assertThat(after.get("before").get("sent").asLong()).isEqualTo(2);
        assertThat(after.get("before").get("answered").asLong()).isEqualTo(1);
        assertThat(after.get("before").get("rate").decimalValue()).isEqualByComparingTo("50.0");
        assertThat(after.get("total").get("answered").asLong()).isEqualTo(2);
        assertThat(after.get("total").get("rate").decimalValue()).isEqualByComparingTo("100.0");
        assertThat(after.get("reached").asBoolean()).isTrue();
        assertThat(jdbc.sql("select supplementary from survey_response where campaign_id = :c order by id")
                .param("c", id).query(Boolean.class).list()).containsExactly(false, true);

        assertThat(step(id, "close", null).get("status").asString()).isEqualTo("CLOSED");
        assertThat(post(BASE + "/" + id + "/remind", tokenFor("manager"), null).status()).isEqualTo(409);
    }

    @Test
    void aCampaignWithoutRecipientsIsRefusedAndNothingIsHalfSaved() {
        long id = createCampaign(region(), null).get("id").asLong();
        Response r = post(BASE + "/" + id + "/draw", tokenFor("manager"), null);
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.body()).contains("population").contains("not-empty");
        JsonNode d = get(BASE + "/" + id, tokenFor("manager")).json();
        assertThat(d.get("status").asString()).isEqualTo("DRAFT");
        assertThat(d.get("preview").isNull()).isTrue();
        assertThat(post(BASE + "/" + id + "/send", tokenFor("manager"), null).status()).isEqualTo(409);
        assertThat(jdbc.sql("select count(*) from survey_invitation where campaign_id = :c").param("c", id)
                .query(Long.class).single()).isZero();
    }

    @Test
    void distributorsAreSurveyedInFullAndTheRuleAppliesToTheOthers() {
        String region = region();
        customers(region, 3, "DISTRIBUTOR", false);
        customers(region, 12, "ORGANISATION", false);
        long id = createCampaign(region, "'defaultChannel':'EMAIL','stratifyBy':'KIND'").get("id").asLong();
        JsonNode p = step(id, "draw", "{'seed':7}").get("preview");
        assertThat(p.get("population").asInt()).isEqualTo(15);
        assertThat(p.get("inFull").asInt()).isEqualTo(3);
        assertThat(p.get("others").asInt()).isEqualTo(12);
        assertThat(p.get("sampleSize").asInt()).isEqualTo(5);
        assertThat(p.get("rule").asString()).isEqualTo(
                "N = 15；经销商 3 家全部调查；其余客户 10 < N = 12 ≤ 100：抽取 10%，n = ⌈12 × 10%⌉ = 2；合计 n = 5");
        JsonNode sent = step(id, "send", null);
        // no e-mail addresses: everyone goes on the agents' call list
        assertThat(sent.get("rates").get("byChannel").get(0).get("key").asString()).isEqualTo("PHONE");
        assertThat(sent.get("rates").get("byChannel").get(0).get("sent").asLong()).isEqualTo(5);
        assertThat(sent.get("rates").get("byStratum").valueStream().map(s -> s.get("key").asString() + "="
                + s.get("sent").asLong()).toList()).containsExactly("DISTRIBUTOR=3", "ORGANISATION=2");
    }

    @Test
    void aShareOutsideTheTableRangeIsRefusedAtTheDraw() {
        String region = region();
        customers(region, 101, "INDIVIDUAL", false);
        long id = createCampaign(region, "'sampleFraction':0.04").get("id").asLong();
        Response r = post(BASE + "/" + id + "/draw", tokenFor("manager"), null);
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.body()).contains("sampleFraction").contains("within-range");
        long ok = createCampaign(region, "'sampleFraction':0.05").get("id").asLong();
        JsonNode p = step(ok, "draw", null).get("preview");
        assertThat(p.get("band").asString()).isEqualTo("FIVE_TO_TEN_PERCENT");
        assertThat(p.get("sampleSize").asInt()).isEqualTo(6);
    }

    @Test
    void anExpiredOrUnknownLinkGetsAPolitePage() throws Exception {
        long id = sentToOneCustomer();
        String token = tokensByRecipient(1).values().iterator().next();
        jdbc.sql("update survey_invitation set token_expires_at = :t where campaign_id = :c")
                .param("t", Timestamp.from(Instant.now().minusSeconds(60))).param("c", id).update();
        PageSession.Page expired = new PageSession(port).get("/s/" + token);
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.body()).contains("survey-expired", "400-800-2026").doesNotContain("survey-submit");
        PageSession.Page post = new PageSession(port).postWithoutCsrf("/s/" + token, "nonce", "x", "r_Q1", "4");
        assertThat(post.status()).isEqualTo(410);
        assertThat(responses(id)).isZero();

        PageSession.Page unknown = new PageSession(port).get("/s/" + "A".repeat(43));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("survey-unknown", "找不到这份调查");
        assertThat(new PageSession(port).get("/s/short").status()).isEqualTo(404);
    }

    @Test
    void aSubmitWithoutTheRenderedNonceOrWithNothingRatedRecordsNothing() throws Exception {
        long id = sentToOneCustomer();
        String token = tokensByRecipient(1).values().iterator().next();
        PageSession.Page blind = new PageSession(port).postWithoutCsrf("/s/" + token, "r_Q1", "4");
        assertThat(blind.status()).isEqualTo(409);
        assertThat(blind.body()).contains("survey-submit");
        PageSession.Page nothing = answer(token, "opinion", "只写意见");
        assertThat(nothing.status()).isEqualTo(422);
        assertThat(nothing.body()).contains("survey-problem");
        PageSession.Page outOfScale = answer(token, "r_Q1", "9");
        assertThat(outOfScale.status()).isEqualTo(422);
        assertThat(responses(id)).isZero();
    }

    @Test
    void remindersGoToEmailNonRespondentsAtMostOnceADay() throws Exception {
        String region = region();
        customers(region, 2, "ORGANISATION", true);
        long id = createCampaign(region, null).get("id").asLong();
        step(id, "draw", null);
        step(id, "send", null);
        tokensByRecipient(2);
        mail.reset();
        JsonNode d = step(id, "remind", null);
        assertThat(d.get("remindedAt").isNull()).isFalse();
        assertThat(tokensByRecipient(2)).hasSize(2);
        assertThat(surveyMails(2).get(0).getSubject()).startsWith("提醒");
        Response again = post(BASE + "/" + id + "/remind", tokenFor("manager"), null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("already-reminded-today");
    }

    @Test
    void theSupplementaryRoundIsRefusedOnceTheTargetIsReached() throws Exception {
        long id = sentToOneCustomer();
        String token = tokensByRecipient(1).values().iterator().next();
        assertThat(answer(token, "r_Q1", "4").status()).isEqualTo(302);
        Response r = post(BASE + "/" + id + "/supplementary-round", tokenFor("manager"), null);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.body()).contains("target-reached");
    }

    @Test
    void badPlansAreRefusedNamingTheField() {
        Response noTemplate = post(BASE, tokenFor("manager"), j("{'name':'x','templateId':999999,"
                + "'periodFrom':'2026-10-01','periodTo':'2026-12-31','deadline':'2026-12-15'}"));
        assertThat(noTemplate.status()).isEqualTo(422);
        assertThat(noTemplate.body()).contains("templateId");
        Response backwards = post(BASE, tokenFor("manager"), j("{'name':'x','templateId':" + templateId()
                + ",'periodFrom':'2026-10-01','periodTo':'2026-09-30','deadline':'2026-12-15'}"));
        assertThat(backwards.status()).isEqualTo(422);
        assertThat(backwards.body()).contains("periodTo");
        assertThat(post(BASE, tokenFor("staff"), j("{'name':'x'}")).status()).isEqualTo(403);
        assertThat(get(BASE + "/999999", tokenFor("manager")).status()).isEqualTo(404);
    }
}
