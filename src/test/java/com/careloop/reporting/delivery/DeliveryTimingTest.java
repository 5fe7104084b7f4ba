package com.careloop.reporting.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import com.careloop.platform.ReportPeriod;
import com.careloop.reporting.delivery.DeliveryTiming.Rule;

import org.junit.jupiter.api.Test;

/** The timing rules, exactly, in company time (Asia/Shanghai, UTC+8) whatever the JVM's zone. */
class DeliveryTimingTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final DeliveryTiming timing = new DeliveryTiming(SHANGHAI);
    private static final LocalTime EIGHT = LocalTime.of(8, 0);

    private static Instant company(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    @Test
    void weeklyRunsOnItsDayInCompanyTime() {
        Rule monday = Rule.weekly(DayOfWeek.MONDAY, EIGHT);
        // Saturday 2026-12-05 → Monday 2026-12-07 08:00 company time = 00:00 UTC
        assertThat(timing.nextRun(monday, company("2026-12-05T10:00"))).isEqualTo(Instant.parse("2026-12-07T00:00:00Z"));
        // at the very minute: the next one is a week later; a minute before: this one
        assertThat(timing.nextRun(monday, company("2026-12-07T08:00"))).isEqualTo(company("2026-12-14T08:00"));
        assertThat(timing.nextRun(monday, company("2026-12-07T07:59"))).isEqualTo(company("2026-12-07T08:00"));
        // Monday 07:30 company time is Sunday 23:30 UTC: still the run of that Monday
        assertThat(timing.nextRun(monday, Instant.parse("2026-12-06T23:30:00Z"))).isEqualTo(company("2026-12-07T08:00"));
        assertThat(timing.lastRun(monday, company("2026-12-07T08:00"))).isEqualTo(company("2026-12-07T08:00"));
        assertThat(timing.lastRun(monday, company("2026-12-07T07:59"))).isEqualTo(company("2026-11-30T08:00"));
        assertThat(timing.lastRun(monday, company("2026-12-10T12:00"))).isEqualTo(company("2026-12-07T08:00"));
    }

    @Test
    void monthlyRunsOnItsDayClampedToTheMonthsEnd() {
        assertThat(timing.nextRun(Rule.monthly(1, EIGHT), company("2026-12-05T10:00"))).isEqualTo(company("2027-01-01T08:00"));
        assertThat(timing.nextRun(Rule.monthly(1, EIGHT), company("2026-11-30T23:59"))).isEqualTo(company("2026-12-01T08:00"));
        Rule lastDay = Rule.monthly(31, LocalTime.of(18, 30));
        assertThat(timing.nextRun(lastDay, company("2026-04-01T00:00"))).isEqualTo(company("2026-04-30T18:30"));
        assertThat(timing.nextRun(lastDay, company("2026-04-30T18:30"))).isEqualTo(company("2026-05-31T18:30"));
        assertThat(timing.nextRun(lastDay, company("2027-02-01T00:00"))).isEqualTo(company("2027-02-28T18:30"));
        assertThat(timing.lastRun(lastDay, company("2026-05-15T00:00"))).isEqualTo(company("2026-04-30T18:30"));
        assertThat(timing.lastRun(Rule.monthly(1, EIGHT), company("2026-12-01T08:00"))).isEqualTo(company("2026-12-01T08:00"));
    }

    @Test
    void yearlyRunsOnItsMonthAndDay() {
        Rule jan5 = Rule.yearly(1, 5, LocalTime.of(9, 0));
        assertThat(timing.nextRun(jan5, company("2026-12-05T10:00"))).isEqualTo(company("2027-01-05T09:00"));
        assertThat(timing.nextRun(jan5, company("2027-01-05T09:00"))).isEqualTo(company("2028-01-05T09:00"));
        assertThat(timing.lastRun(jan5, company("2026-12-05T10:00"))).isEqualTo(company("2026-01-05T09:00"));
        Rule leap = Rule.yearly(2, 29, EIGHT);
        assertThat(timing.nextRun(leap, company("2026-12-05T00:00"))).isEqualTo(company("2027-02-28T08:00"));
        assertThat(timing.nextRun(leap, company("2027-12-05T00:00"))).isEqualTo(company("2028-02-29T08:00"));
        assertThatThrownBy(() -> Rule.yearly(2, 30, EIGHT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rule.monthly(0, EIGHT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rule(DeliveryTiming.Cadence.WEEKLY, null, null, null, EIGHT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRunDeliversTheLatestCompletePeriodOfItsCompanyDay() {
        // Monday 2026-12-07 08:00 → week 49 (Mon 30 Nov .. Sun 6 Dec)
        assertThat(timing.coveredPeriod(ReportPeriod.Kind.WEEK, company("2026-12-07T08:00")))
                .isEqualTo(new ReportPeriod(ReportPeriod.Kind.WEEK, LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 6)));
        // a Sunday run still delivers the week before (its own week is not complete)
        assertThat(timing.coveredPeriod(ReportPeriod.Kind.WEEK, company("2026-12-06T23:00")))
                .isEqualTo(ReportPeriod.week(LocalDate.of(2026, 11, 23)));
        // Monday 00:30 company time is Sunday in UTC: the company day decides
        assertThat(timing.coveredPeriod(ReportPeriod.Kind.WEEK, Instant.parse("2026-12-06T16:30:00Z")))
                .isEqualTo(ReportPeriod.week(LocalDate.of(2026, 11, 30)));
        assertThat(timing.coveredPeriod(ReportPeriod.Kind.MONTH, company("2027-01-01T08:00")))
                .isEqualTo(ReportPeriod.month(java.time.YearMonth.of(2026, 12)));
        assertThat(timing.coveredPeriod(ReportPeriod.Kind.MONTH, company("2026-03-01T00:00")))
                .isEqualTo(new ReportPeriod(ReportPeriod.Kind.MONTH, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)));
        assertThat(timing.coveredPeriod(ReportPeriod.Kind.YEAR, company("2027-01-05T09:00")))
                .isEqualTo(ReportPeriod.year(2026));
        // a week across the year's end
        assertThat(timing.coveredPeriod(ReportPeriod.Kind.WEEK, company("2027-01-04T08:00")))
                .isEqualTo(new ReportPeriod(ReportPeriod.Kind.WEEK, LocalDate.of(2026, 12, 28), LocalDate.of(2027, 1, 3)));
    }

    @Test
    void backoffDoublesFromOneMinuteUpToAnHourAndDiesAfterEightAttempts() {
        assertThat(DeliveryTiming.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(DeliveryTiming.backoff(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(DeliveryTiming.backoff(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(DeliveryTiming.backoff(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(DeliveryTiming.backoff(6)).isEqualTo(Duration.ofMinutes(32));
        assertThat(DeliveryTiming.backoff(7)).isEqualTo(Duration.ofHours(1));
        assertThat(DeliveryTiming.backoff(40)).isEqualTo(Duration.ofHours(1));
        assertThatThrownBy(() -> DeliveryTiming.backoff(0)).isInstanceOf(IllegalArgumentException.class);
        Instant t = Instant.parse("2026-12-07T00:00:00Z");
        assertThat(DeliveryTiming.nextAttempt(1, t)).isEqualTo(Instant.parse("2026-12-07T00:01:00Z"));
        assertThat(DeliveryTiming.nextAttempt(4, t)).isEqualTo(Instant.parse("2026-12-07T00:08:00Z"));
        assertThat(DeliveryTiming.nextAttempt(7, t)).isEqualTo(Instant.parse("2026-12-07T01:00:00Z"));
        assertThat(DeliveryTiming.dead(7)).isFalse();
        assertThat(DeliveryTiming.dead(8)).isTrue();
        assertThat(DeliveryTiming.nextAttempt(8, t)).isNull();
    }
}
