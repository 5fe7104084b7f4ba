package com.careloop.fieldservice.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Recurring failures: same product and mode at least N times within 12 months, counted on the company's today. */
class RecurrenceRuleTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    final Clock clock = Clock.fixed(Instant.parse("2026-12-05T02:00:00Z"), ZONE);
    final LocalDate today = LocalDate.now(clock);
    final RecurrenceRule rule = new RecurrenceRule(3, 12);

    RecurrenceRule.Occurrence f(String product, String mode, LocalDate on) {
        return new RecurrenceRule.Occurrence(product, mode, on);
    }

    @Test
    void threeFailuresOfTheSameProductAndModeWithinTwelveMonthsAreRecurring() {
        var flagged = rule.flag(List.of(f("P1", "LEAK", today.minusMonths(11)), f("P1", "LEAK", today.minusDays(40)),
                f("P1", "LEAK", today), f("P1", "WEAR", today), f("P2", "LEAK", today)), today);
        assertThat(flagged).containsExactly(new RecurrenceRule.Key("P1", "LEAK"));
    }

    @Test
    void aFailureOlderThanTheWindowDoesNotCount() {
        var flagged = rule.flag(List.of(f("P1", "LEAK", today.minusMonths(12).minusDays(1)),
                f("P1", "LEAK", today.minusDays(3)), f("P1", "LEAK", today.minusDays(1))), today);
        assertThat(flagged).isEmpty();
        assertThat(rule.flag(List.of(f("P1", "LEAK", today.minusMonths(12)), f("P1", "LEAK", today.minusDays(3)),
                f("P1", "LEAK", today.minusDays(1))), today)).as("exactly 12 months ago still counts").hasSize(1);
    }

    @Test
    void theThresholdIsConfigurable() {
        var two = new FailureProperties(2, 12).rule();
        assertThat(two.flag(List.of(f("P1", "LEAK", today), f("P1", "LEAK", today.minusDays(1))), today)).hasSize(1);
        assertThat(rule.flag(List.of(f("P1", "LEAK", today), f("P1", "LEAK", today.minusDays(1))), today)).isEmpty();
    }

    @Test
    void failuresAfterTodayAreIgnored() {
        assertThat(rule.flag(List.of(f("P1", "LEAK", today), f("P1", "LEAK", today.plusDays(1)),
                f("P1", "LEAK", today.plusDays(2))), today)).isEmpty();
    }
}
