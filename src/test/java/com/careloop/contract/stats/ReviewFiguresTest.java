package com.careloop.contract.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class ReviewFiguresTest {

    static final Instant SUBMITTED = Instant.parse("2026-12-01T01:00:00Z");

    static ReviewFigures.Signature sig(String aspect, int hoursAfter, int dueHours) {
        return new ReviewFigures.Signature(aspect, SUBMITTED, SUBMITTED.plusSeconds(hoursAfter * 3600L),
                SUBMITTED.plusSeconds(dueHours * 3600L));
    }

    @Test
    void aSignatureIsOnTimeWhenDecidedNoLaterThanItsDeadline() {
        assertThat(sig("a", 8, 8).onTime()).isTrue();
        assertThat(sig("a", 9, 8).onTime()).isFalse();
        assertThat(new ReviewFigures.Signature("a", SUBMITTED, SUBMITTED.plusSeconds(99999), null).onTime()).isTrue();
        assertThat(ReviewFigures.onTime(List.of(sig("a", 1, 8), sig("b", 9, 8), sig("c", 8, 8)))).isEqualTo(2);
    }

    @Test
    void averageTimePerAspectUsesTheCountedTimeAndRoundsHalfUp() {
        var byAspect = ReviewFigures.byAspect(List.of(sig("contract.aspect.MATERIALS", 2, 8),
                        sig("contract.aspect.MATERIALS", 3, 8), sig("contract.aspect.CAPACITY_DELIVERY", 10, 8)),
                (from, to) -> Duration.between(from, to));
        assertThat(byAspect).extracting(ReviewFigures.AspectTime::aspect)
                .containsExactly("contract.aspect.CAPACITY_DELIVERY", "contract.aspect.MATERIALS");
        assertThat(byAspect.get(1).averageHours()).isEqualByComparingTo("2.5");
        assertThat(byAspect.get(1).onTime()).isEqualTo(2);
        assertThat(byAspect.get(0).onTime()).isZero();
        var halved = ReviewFigures.byAspect(List.of(sig("x", 1, 8)), (from, to) -> Duration.ofMinutes(3));
        assertThat(halved.get(0).averageHours()).isEqualByComparingTo("0.1");
    }

    @Test
    void ratesAreOneDecimalHalfUpAndEmptyWithoutABase() {
        assertThat(ReviewFigures.rate(1, 3)).isEqualByComparingTo("33.3");
        assertThat(ReviewFigures.rate(2, 3)).isEqualByComparingTo("66.7");
        assertThat(ReviewFigures.rate(0, 0)).isNull();
    }
}
