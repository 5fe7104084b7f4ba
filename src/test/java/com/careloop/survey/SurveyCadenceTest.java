package com.careloop.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import com.careloop.survey.SurveyCadence.Kind;
import com.careloop.survey.SurveyCadence.Period;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The procedure's survey frequency: which period a day is in, and from which day the reminder is due. */
class SurveyCadenceTest {

    private static final SurveyCadence QUARTERLY = new SurveyCadence(Kind.QUARTERLY, 4, 30);
    private static final SurveyCadence YEARLY_Q4 = new SurveyCadence(Kind.YEARLY, 4, 30);

    @ParameterizedTest(name = "{0} is in {1} … {2}")
    @CsvSource({"2026-01-01, 2026-01-01, 2026-03-31", "2026-03-31, 2026-01-01, 2026-03-31",
            "2028-02-29, 2028-01-01, 2028-03-31", "2026-04-01, 2026-04-01, 2026-06-30",
            "2026-09-30, 2026-07-01, 2026-09-30", "2026-12-31, 2026-10-01, 2026-12-31"})
    void aDayBelongsToItsCalendarQuarter(LocalDate day, LocalDate first, LocalDate last) {
        assertThat(QUARTERLY.period(day)).contains(new Period(first, last));
    }

    @ParameterizedTest(name = "{0}: due {1}")
    @CsvSource({"2026-11-30, false", "2026-12-01, true", "2026-12-31, true", "2027-01-01, false", "2027-03-01, true",
            "2027-02-28, false"})
    void aQuarterlyReminderIsDueInTheQuartersLastThirtyDays(LocalDate day, boolean due) {
        // 30 days before 31 December is 1 December; before 31 March, 1 March
        assertThat(QUARTERLY.reminderDue(day).isPresent()).isEqualTo(due);
    }

    @Test
    void aYearlySurveyInTheFourthQuarterIsDueOnlyAtTheEndOfThatQuarter() {
        assertThat(YEARLY_Q4.reminderDue(LocalDate.of(2026, 6, 20))).isEmpty();
        assertThat(YEARLY_Q4.period(LocalDate.of(2026, 9, 30))).isEmpty();
        assertThat(YEARLY_Q4.reminderDue(LocalDate.of(2026, 11, 30))).isEmpty();
        assertThat(YEARLY_Q4.reminderDue(LocalDate.of(2026, 12, 1)))
                .contains(new Period(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31)));
        SurveyCadence secondQuarter = new SurveyCadence(Kind.YEARLY, 2, 10);
        assertThat(secondQuarter.reminderDue(LocalDate.of(2026, 6, 19))).isEmpty();
        assertThat(secondQuarter.reminderDue(LocalDate.of(2026, 6, 20)))
                .contains(new Period(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30)));
    }

    @Test
    void withoutACadenceNothingIsEverDueAndABadSettingIsRefusedAtStart() {
        SurveyCadence none = new SurveyCadence(Kind.NONE, 4, 30);
        assertThat(none.reminderDue(LocalDate.of(2026, 12, 31))).isEmpty();
        assertThatThrownBy(() -> new SurveyCadence(Kind.YEARLY, 5, 30)).hasMessageContaining("cadence-quarter");
        assertThatThrownBy(() -> new SurveyCadence(Kind.QUARTERLY, 4, -1)).hasMessageContaining("cadence-warn-days");
    }

    @Test
    void theRuleIsNamedWithItsQuarter() {
        assertThat(YEARLY_Q4.rule().code()).isEqualTo("surveycampaign.cadence.YEARLY");
        assertThat(QUARTERLY.rule().code()).isEqualTo("surveycampaign.cadence.QUARTERLY");
    }
}
