package com.careloop.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import com.careloop.platform.CareLoopProperties;
import com.careloop.survey.SurveyCadence.Kind;
import com.careloop.survey.campaign.CampaignJobs;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The procedure's survey frequency (000-J1, 001-D10, 002-E1): near the end of a period in which no questionnaire went
 * out, the survey managers are told once; a period with one sent is left alone.
 */
class SurveyCadenceJobTest extends SurveyCampaignTestBase {

    @Autowired
    CampaignJobs jobs;
    @Autowired
    Clock clock;
    @Autowired
    CareLoopProperties platform;

    private long toldAbout(String username, int year) {
        return jdbc.sql("""
                select count(*) from notification n join app_user u on u.id = n.recipient_id
                where u.username = :u and n.title_text like '%surveycampaign.cadence.title%' and n.title like :year""")
                .param("u", username).param("year", "%" + year + "%").query(Long.class).single();
    }

    @Test
    void aQuarterWithNothingSentRemindsTheSurveyManagersOnceNearItsEnd() {
        // a quarter of its own, far ahead: no invitation of any test was sent in it
        int year = 2100 + ThreadLocalRandom.current().nextInt(800);
        SurveyCadence quarterly = new SurveyCadence(Kind.QUARTERLY, 4, 30);
        assertThat(jobs.remindOfCadence(LocalDate.of(year, 2, 28), quarterly)).as("before the last 30 days").isFalse();
        assertThat(toldAbout("manager", year)).isZero();

        assertThat(jobs.remindOfCadence(LocalDate.of(year, 3, 25), quarterly)).isTrue();
        assertThat(toldAbout("manager", year)).isEqualTo(1);
        assertThat(toldAbout("supervisor", year)).as("CS supervisors run surveys too").isEqualTo(1);
        assertThat(toldAbout("frontdesk", year)).as("front desk only enters answers").isZero();
        assertThat(toldAbout("admin", year)).as("the administrator holds every permission, and was not given it").isZero();

        assertThat(jobs.remindOfCadence(LocalDate.of(year, 3, 31), quarterly)).as("once per period").isFalse();
        assertThat(toldAbout("manager", year)).isEqualTo(1);
    }

    @Test
    void aPeriodWithAQuestionnaireSentIsLeftAlone() {
        String region = region();
        customers(region, 3, "INDIVIDUAL", false);
        long id = createCampaign(region, "'defaultChannel':'PHONE'").get("id").asLong();
        step(id, "draw", null);
        step(id, "send", null);
        LocalDate today = LocalDate.now(clock.withZone(platform.zone()));
        // every day of this quarter is in the reminder days, so only what was sent keeps it quiet
        assertThat(jobs.remindOfCadence(today, new SurveyCadence(Kind.QUARTERLY, 4, 100))).isFalse();
        assertThat(toldAbout("manager", today.getYear())).isZero();
    }
}
