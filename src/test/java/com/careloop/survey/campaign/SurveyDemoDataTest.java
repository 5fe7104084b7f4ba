package com.careloop.survey.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** The demo company has this year's survey: sent as a call list, five calls answered, one of them dissatisfied. */
class SurveyDemoDataTest extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDemoCampaignIsSentWithFiveAnsweredCallsAndItsDissatisfiedItemsOpenACorrectiveAction() {
        long id = jdbc.sql("select id from survey_campaign where name like '%顾客满意度调查（演示）' order by id")
                .query(Long.class).list().get(0);
        String admin = tokenFor("admin");
        JsonNode campaign = get("/api/v1/survey-campaigns/" + id, admin).json();
        assertThat(campaign.get("status").asString()).isEqualTo("SENT");
        JsonNode total = get("/api/v1/survey-campaigns/" + id + "/response-rate", admin).json().get("total");
        assertThat(total.get("answered").asLong()).isEqualTo(5);
        assertThat(total.get("sent").asLong()).isGreaterThan(5);
        assertThat(jdbc.sql("select count(*) from survey_response r join survey_invitation i on i.id = r.invitation_id"
                + " where i.campaign_id = :id and r.channel = 'PHONE'").param("id", id).query(Long.class).single())
                .isEqualTo(5);
        // the fourth call rated Q2 "dissatisfied" (1): a CAPA for that item of the campaign (after commit)
        assertThat(capasFor("SURVEY_ITEM:" + id + ":Q2")).isEqualTo(1);
    }

    private long capasFor(String sourceKey) {
        long n = 0;
        for (int i = 0; i < 100 && n == 0; i++) {
            n = jdbc.sql("select count(*) from capa where source_key = :k").param("k", sourceKey).query(Long.class).single();
            if (n == 0) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        return n;
    }
}
