package com.careloop.reporting.kpi;

import java.math.BigDecimal;
import java.util.Arrays;

import com.careloop.platform.Figure.Better;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The monthly assessment's scoring rules, exactly. */
class AssessmentScoringTest {

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    static BigDecimal linear(String actual, String target, Better better, String max) {
        return AssessmentScoring.points(d(actual), d(target), better, ScoringRule.LINEAR, d(max));
    }

    @Test
    void linearHigherIsBetterGivesPointsInProportionCappedAtTheWeight() {
        assertThat(linear("0.9", "1", Better.HIGHER, "15")).isEqualByComparingTo("13.50");
        assertThat(linear("0.45", "0.9", Better.HIGHER, "10")).isEqualTo(d("5.00"));
        assertThat(linear("0.8", "0.8", Better.HIGHER, "5")).isEqualTo(d("5.00"));
        assertThat(linear("0.95", "0.8", Better.HIGHER, "5")).as("capped").isEqualTo(d("5.00"));
        assertThat(linear("0", "0.7", Better.HIGHER, "5")).isEqualTo(d("0.00"));
        assertThat(linear("0.2", "0", Better.HIGHER, "5")).as("target 0 is always met").isEqualTo(d("5.00"));
        assertThat(linear("2", "3", Better.HIGHER, "10")).as("rounded half up").isEqualTo(d("6.67"));
    }

    @Test
    void linearLowerIsBetterIsInverted() {
        assertThat(linear("96", "48", Better.LOWER, "5")).isEqualTo(d("2.50"));
        assertThat(linear("24", "48", Better.LOWER, "5")).as("better than target: capped").isEqualTo(d("5.00"));
        assertThat(linear("48", "48", Better.LOWER, "5")).isEqualTo(d("5.00"));
        assertThat(linear("0", "48", Better.LOWER, "5")).as("nothing at all: full points").isEqualTo(d("5.00"));
        assertThat(linear("0.1", "0", Better.LOWER, "5")).as("target 0 missed").isEqualTo(d("0.00"));
        assertThat(linear("0", "0", Better.LOWER, "5")).isEqualTo(d("5.00"));
        assertThat(linear("72", "48", Better.LOWER, "10")).isEqualTo(d("6.67"));
    }

    @Test
    void allOrNothingGivesTheWeightWhenMetElseZero() {
        assertThat(AssessmentScoring.points(d("0.7"), d("0.7"), Better.HIGHER, ScoringRule.ALL_OR_NOTHING, d("5")))
                .isEqualTo(d("5.00"));
        assertThat(AssessmentScoring.points(d("0.6999"), d("0.7"), Better.HIGHER, ScoringRule.ALL_OR_NOTHING, d("5")))
                .isEqualTo(d("0.00"));
        assertThat(AssessmentScoring.points(d("0"), d("0"), Better.LOWER, ScoringRule.ALL_OR_NOTHING, d("5")))
                .isEqualTo(d("5.00"));
        assertThat(AssessmentScoring.points(d("0.0100"), d("0"), Better.LOWER, ScoringRule.ALL_OR_NOTHING, d("5")))
                .isEqualTo(d("0.00"));
    }

    @Test
    void nothingToMeasureScoresNothingAndIsLeftOutOfTheTotal() {
        assertThat(AssessmentScoring.points(null, d("1"), Better.HIGHER, ScoringRule.LINEAR, d("10"))).isNull();
        assertThat(AssessmentScoring.met(null, d("1"), Better.HIGHER)).isNull();
        assertThat(AssessmentScoring.met(d("1"), d("1"), Better.HIGHER)).isTrue();
        assertThat(AssessmentScoring.met(d("49"), d("48"), Better.LOWER)).isFalse();
        assertThat(AssessmentScoring.total(Arrays.asList(d("13.50"), null, d("5.00"), d("2.5"))))
                .isEqualTo(d("21.00"));
        assertThat(AssessmentScoring.total(Arrays.asList(null, null))).isEqualTo(d("0.00"));
    }

    @Test
    void anAgentScoresTheMeanOfTheMeasuredPartsLessTenPerComplaint() {
        // on time 90 % of 100 % -> 90; satisfied 0.81 of 0.9 -> 90; mean 90; one complaint -> 80
        assertThat(AssessmentScoring.agentScore(d("0.9"), d("1"), d("0.81"), d("0.9"), 1)).isEqualTo(d("80.00"));
        // only on-time measured: 50 % of 100 % -> 50
        assertThat(AssessmentScoring.agentScore(d("0.5"), d("1"), null, d("0.9"), 0)).isEqualTo(d("50.00"));
        // no measurable work but complaints: 100 - 3 x 10
        assertThat(AssessmentScoring.agentScore(null, d("1"), null, d("0.9"), 3)).isEqualTo(d("70.00"));
        // never below zero
        assertThat(AssessmentScoring.agentScore(d("0.2"), d("1"), null, null, 5)).isEqualTo(d("0.00"));
        assertThat(AssessmentScoring.agentScore(null, d("1"), null, d("0.9"), 0)).isNull();
    }
}
