package com.careloop.survey.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.NotFoundException;
import com.careloop.support.ApiTestBase;
import com.careloop.survey.SurveyFixtures;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** SurveyResponses.submit as the campaign helper's token page and the agent entry call it. */
class SurveyResponsesTest extends ApiTestBase {

    @Autowired
    SurveyResponses responses;
    @Autowired
    JdbcClient jdbc;

    @Test
    void submitScoresStoresAndRefusesASecondSubmitOnTheSameInvitation() {
        var f = new SurveyFixtures(jdbc);
        long campaign = f.campaign(f.templateId("R-QP-005-01"), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        long inv = f.invitation(campaign, 990001L, "莆田测试纸品");
        Map<String, Integer> ratings = new LinkedHashMap<>();
        ratings.put("Q1", 4);
        ratings.put("Q2", 3);
        ratings.put("D1", 2);
        ratings.put("S1", null); // skipped
        ratings.put("T1", 3);
        ResponseView v = responses.submit(new SubmitAnswers(inv, ratings, "交期偏晚", "PHONE", "客服小王"));
        // (20 + 18 + 10 + 18) / (4 x 20) x 100 = 66 / 80 x 100 = 82.50 -> B
        assertThat(v.normalised()).isEqualByComparingTo("82.50");
        assertThat(v.respondentClass()).isEqualTo('B');
        assertThat(v.campaignId()).isEqualTo(campaign);
        ResponseDetail d = responses.detail(v.id());
        assertThat(d.totalPoints()).isEqualByComparingTo("66");
        assertThat(d.maxPoints()).isEqualByComparingTo("80");
        assertThat(d.answers()).extracting(ResponseDetail.Answer::itemCode).containsExactly("Q1", "Q2", "D1", "T1");
        assertThat(d.enteredBy()).isEqualTo("客服小王");
        assertThat(jdbc.sql("select answered_at from survey_invitation where id = :id").param("id", inv)
                .query(java.sql.Timestamp.class).single()).isNotNull();
        assertThatThrownBy(() -> responses.submit(new SubmitAnswers(inv, Map.of("Q1", 4), null, "EMAIL", null)))
                .isInstanceOf(DomainException.class).hasMessageContaining("already been answered");
        assertThat(jdbc.sql("select count(*) from survey_answer where response_id = :id").param("id", v.id())
                .query(Long.class).single()).isEqualTo(4);
    }

    @Test
    void badAnswersAreRefusedNamingTheItemAndNothingIsSaved() {
        var f = new SurveyFixtures(jdbc);
        long campaign = f.campaign(f.templateId("R-QP-005-01"), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        long inv = f.invitation(campaign, 990002L, "福州测试");
        assertThatThrownBy(() -> responses.submit(new SubmitAnswers(inv, Map.of("Q1", 4, "Q2", 5), null, "EMAIL", null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("ratingsByItemCode.Q2");
                    assertThat(e.rule()).isEqualTo("scale");
                });
        assertThatThrownBy(() -> responses.submit(new SubmitAnswers(inv, Map.of("X9", 4), null, "EMAIL", null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.rule()).isEqualTo("unknown-item"));
        assertThatThrownBy(() -> responses.submit(new SubmitAnswers(inv, Map.of(), "只有意见", "EMAIL", null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.rule()).isEqualTo("not-empty"));
        assertThatThrownBy(() -> responses.submit(new SubmitAnswers(424242424L, Map.of("Q1", 4), null, "EMAIL", null)))
                .isInstanceOf(NotFoundException.class);
        assertThat(jdbc.sql("select count(*) from survey_response where invitation_id = :id").param("id", inv)
                .query(Long.class).single()).isZero();
        ResponseView ok = responses.submit(new SubmitAnswers(inv, Map.of("Q1", 1), null, "EMAIL", null));
        assertThat(ok.normalised()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(ok.respondentClass()).isEqualTo('C');
    }
}
