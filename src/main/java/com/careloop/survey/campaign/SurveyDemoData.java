package com.careloop.survey.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.SignedInAs;
import com.careloop.survey.InvitationChannel;
import com.careloop.survey.SurveyCampaignCommands.CreateCampaign;
import com.careloop.survey.SurveyCampaignCommands.Draw;
import com.careloop.survey.SurveyCampaignCommands.PopulationFilter;
import com.careloop.survey.SurveyCampaignCommands.Step;
import com.careloop.survey.SurveyCampaignViews.Detail;
import com.careloop.survey.SurveyCampaignViews.Invitation;
import com.careloop.survey.SurveyCampaigns;
import com.careloop.survey.response.SubmitAnswers;
import com.careloop.survey.response.SurveyResponses;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo mode only, once (while there is no campaign): this year's satisfaction survey on the paper mill's
 * questionnaire R-QP-005-01 — sample drawn with a fixed seed, sent as a phone call list, and the first calls'
 * answers typed in by the administrator — so the report, the response rate and the back-to-action rules
 * (a dissatisfied item opens a CAPA, a class C customer gets a callback) have something to show.
 */
@Component
@Order(70)
class SurveyDemoData implements ApplicationRunner {

    static final long SEED = 20261201L;
    /** Ratings Q1, Q2, D1, S1, T1 (4 = very satisfied ... 1 = dissatisfied) of the answered calls, in order. */
    private static final int[][] RATINGS = {{4, 4, 3, 4, 3}, {3, 3, 4, 3, 3}, {4, 3, 2, 3, 4}, {2, 1, 2, 2, 3}, {4, 4, 4, 4, 4}};
    private static final String[] CODES = {"Q1", "Q2", "D1", "S1", "T1"};
    private static final String[] OPINIONS = {"产品稳定，希望交期再快一些", null, "上次延期交货两天", "纸箱抗压不足，售后回复慢",
            "服务很好"};

    private final CareLoopProperties properties;
    private final SurveyCampaigns campaigns;
    private final SurveyResponses responses;
    private final JdbcClient jdbc;
    private final SignedInAs signedIn;

    SurveyDemoData(CareLoopProperties properties, SurveyCampaigns campaigns, SurveyResponses responses, JdbcClient jdbc,
                   SignedInAs signedIn) {
        this.properties = properties;
        this.campaigns = campaigns;
        this.responses = responses;
        this.jdbc = jdbc;
        this.signedIn = signedIn;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demoData() || jdbc.sql("select count(*) from survey_campaign").query(Long.class).single() > 0) {
            return;
        }
        List<Long> template = jdbc.sql("""
                select id from survey_template where code = 'R-QP-005-01' and status = 'PUBLISHED' order by revision desc""")
                .query(Long.class).list();
        if (template.isEmpty()) {
            return;
        }
        signedIn.run("admin", () -> demo(template.get(0)));
    }

    private void demo(long templateId) {
        LocalDate today = LocalDate.now(properties.zone());
        Detail c = campaigns.create(new CreateCampaign(today.getYear() + "年度顾客满意度调查（演示）", templateId,
                today.withDayOfYear(1), today, today.plusDays(14), new PopulationFilter(Set.of(), null, null, null, true),
                InvitationChannel.PHONE, null, null, new BigDecimal("60"), new com.careloop.survey.PublicTitle(
                        today.getYear() + "年度顾客满意度调查", today.getYear() + "年度顧客滿意度調查",
                        today.getYear() + " customer satisfaction survey")));
        c = campaigns.draw(c.id(), new Draw(SEED, c.version()));
        c = campaigns.send(c.id(), new Step(c.version()));
        List<Invitation> calls = campaigns.invitations(c.id(), null);
        for (int i = 0; i < Math.min(RATINGS.length, calls.size() - 1); i++) {
            Map<String, Integer> ratings = new LinkedHashMap<>();
            for (int k = 0; k < CODES.length; k++) {
                ratings.put(CODES[k], RATINGS[i][k]);
            }
            responses.submit(new SubmitAnswers(calls.get(i).id(), ratings, OPINIONS[i], "PHONE", "admin"));
        }
    }
}
