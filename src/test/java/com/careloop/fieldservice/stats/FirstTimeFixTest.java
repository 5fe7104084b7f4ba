package com.careloop.fieldservice.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import com.careloop.fieldservice.stats.FirstTimeFix.Outcome;

import org.junit.jupiter.api.Test;

/** First-time fix: no follow-up request and no further trip for the same request within 30 days of the report. */
class FirstTimeFixTest {

    final Clock clock = Clock.fixed(Instant.parse("2026-12-05T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    final LocalDate today = LocalDate.now(clock);
    final FirstTimeFix rule = FirstTimeFix.STANDARD;

    @Test
    void aServiceWithoutFollowUpFor30DaysIsFixedTheFirstTime() {
        assertThat(rule.outcome(today.minusDays(31), false, null, today)).isEqualTo(Outcome.FIXED);
    }

    @Test
    void withinThe30DaysTheOutcomeIsPending() {
        assertThat(rule.outcome(today.minusDays(30), false, null, today)).isEqualTo(Outcome.PENDING);
        assertThat(rule.outcome(today.minusDays(3), false, null, today)).isEqualTo(Outcome.PENDING);
    }

    @Test
    void aFollowUpRequestMeansNotFixed() {
        assertThat(rule.outcome(today.minusDays(3), true, null, today)).isEqualTo(Outcome.NOT_FIXED);
        assertThat(rule.outcome(today.minusDays(90), true, null, today)).isEqualTo(Outcome.NOT_FIXED);
    }

    @Test
    void anotherTripForTheSameRequestWithin30DaysMeansNotFixed() {
        LocalDate reported = today.minusDays(60);
        assertThat(rule.outcome(reported, false, reported.plusDays(30), today)).isEqualTo(Outcome.NOT_FIXED);
        assertThat(rule.outcome(reported, false, reported.plusDays(31), today)).as("a later trip is a new service")
                .isEqualTo(Outcome.FIXED);
    }
}
