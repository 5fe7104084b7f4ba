package com.careloop.survey.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import com.careloop.support.ApiTestBase;
import com.careloop.survey.SurveyFixtures;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** POST /api/v1/survey-responses: an agent types in a phone answer; one per invitation; bad ratings 422. */
class SurveyResponseApiTest extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAgentEntersAPhoneAnswerOncePerInvitation() {
        var f = new SurveyFixtures(jdbc);
        long campaign = f.campaign(f.templateId("JDP-SERVICE"), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        long inv = f.invitation(campaign, 880001L, "厦门车主");
        String token = tokenFor("frontdesk");
        Response bad = post("/api/v1/survey-responses", token, j("{'invitationId':" + inv
                + ",'channel':'PHONE','ratings':{'F1':5,'P1':6}}"));
        assertThat(bad.status()).as(bad.body()).isEqualTo(422);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("ratingsByItemCode.P1");
        assertThat(bad.json().get("errors").get(0).get("rule").asString()).isEqualTo("scale");
        Response unknown = post("/api/v1/survey-responses", token, j("{'invitationId':" + inv
                + ",'channel':'PHONE','ratings':{'ZZ':5}}"));
        assertThat(unknown.json().get("errors").get(0).get("rule").asString()).isEqualTo("unknown-item");
        Response nothing = post("/api/v1/survey-responses", token, j("{'invitationId':" + inv
                + ",'channel':'PHONE','ratings':{},'opinion':'没评分'}"));
        assertThat(nothing.json().get("errors").get(0).get("rule").asString()).isEqualTo("not-empty");
        Response email = post("/api/v1/survey-responses", token, j("{'invitationId':" + inv
                + ",'channel':'EMAIL','ratings':{'F1':5}}"));
        assertThat(email.json().get("errors").get(0).get("rule").asString()).isEqualTo("agent-channel");
        assertThat(post("/api/v1/survey-responses", token, j("{'invitationId':424242424,'channel':'PHONE','ratings':{'F1':5}}"))
                .status()).isEqualTo(404);
        // F1 5, P1 4, SV1 3, PP1 2 (skipped the rest): 14 / 20 = 70.00 -> B on the boundary
        Response ok = post("/api/v1/survey-responses", token, j("{'invitationId':" + inv
                + ",'channel':'PHONE','ratings':{'F1':5,'P1':4,'SV1':3,'PP1':2},'opinion':'等待时间太长'}"));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(ok.json().get("normalised").decimalValue()).isEqualByComparingTo("70.00");
        assertThat(ok.json().get("respondentClass").asString()).isEqualTo("B");
        assertThat(ok.json().get("totalPoints").decimalValue()).isEqualByComparingTo("14");
        assertThat(ok.json().get("maxPoints").decimalValue()).isEqualByComparingTo("20");
        assertThat(ok.json().get("enteredBy").asString()).isNotBlank();
        assertThat(ok.json().get("channel").asString()).isEqualTo("PHONE");
        Response second = post("/api/v1/survey-responses", token, j("{'invitationId':" + inv
                + ",'channel':'PHONE','ratings':{'F1':1}}"));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("code").asString()).isEqualTo("survey-already-answered");
        long id = ok.json().get("id").asLong();
        assertThat(get("/api/v1/survey-responses/" + id, token).json().get("answers").size()).isEqualTo(4);
        assertThat(jdbc.sql("select count(*) from survey_response where invitation_id = :i").param("i", inv)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(post("/api/v1/survey-responses", tokenFor("staff"), j("{'invitationId':" + inv
                + ",'channel':'PHONE','ratings':{'F1':1}}")).status()).isEqualTo(403);
    }
}
