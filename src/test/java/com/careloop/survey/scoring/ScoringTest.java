package com.careloop.survey.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.careloop.survey.template.Method;
import com.careloop.survey.template.Scale;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The SPEC §7 formulas with hand-computed expected values (comments show the arithmetic). */
class ScoringTest {

    static final BigDecimal A = new BigDecimal("90");
    static final BigDecimal B = new BigDecimal("70");

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static RespondentScore respondent(Scale scale, Integer... ratings) {
        // null = a skipped item: it is left out of both the points and the maximum
        return Scoring.respondent(scale, Arrays.stream(ratings).filter(java.util.Objects::nonNull).toList(), A, B);
    }

    @Nested
    class FourLevels {

        @Test
        void respondentTotalsAreNormalisedOverTheItemsAnswered() {
            RespondentScore r = respondent(Scale.FOUR_LEVEL, 4, 3, 2);      // 20 + 18 + 10 = 48 / 60 x 100
            assertThat(r.totalPoints()).isEqualByComparingTo("48");
            assertThat(r.maxPoints()).isEqualByComparingTo("60");
            assertThat(r.normalised()).isEqualTo(d("80.00"));
            assertThat(r.respondentClass()).isEqualTo('B');
            assertThat(respondent(Scale.FOUR_LEVEL, 4, 4, 4, 3).normalised()).isEqualTo(d("97.50")); // 78 / 80
            assertThat(respondent(Scale.FOUR_LEVEL, 4, 4, 4, 3).respondentClass()).isEqualTo('A');
            assertThat(respondent(Scale.FOUR_LEVEL, 2, 1).normalised()).isEqualTo(d("25.00"));      // 10 / 40
            assertThat(respondent(Scale.FOUR_LEVEL, 2, 1).respondentClass()).isEqualTo('C');
        }

        @Test
        void aSkippedItemCountsNeitherPointsNorMaximum() {
            RespondentScore r = respondent(Scale.FOUR_LEVEL, 4, null, 1);    // 20 + 0 = 20 / 40 (not / 60)
            assertThat(r.maxPoints()).isEqualByComparingTo("40");
            assertThat(r.normalised()).isEqualTo(d("50.00"));
            assertThat(respondent(Scale.FOUR_LEVEL, 3, null, 3).normalised()).isEqualTo(d("90.00")); // 36 / 40
            assertThat(respondent(Scale.FOUR_LEVEL, 3, null, 3).respondentClass()).isEqualTo('A'); // on the boundary
        }

        @Test
        void itemAveragePointsAndSatisfactionRate() {
            ItemStats s = Scoring.item(Scale.FOUR_LEVEL, Map.of(4, 3L, 3, 4L, 2, 2L, 1, 1L));
            // points 3x20 + 4x18 + 2x10 + 1x0 = 60 + 72 + 20 = 152; 152 / 10 = 15.20; (3 + 4) / 10 = 70 %
            assertThat(s.countsByRating().keySet()).containsExactly(4, 3, 2, 1);
            assertThat(s.answers()).isEqualTo(10);
            assertThat(s.totalPoints()).isEqualByComparingTo("152");
            assertThat(s.averagePoints()).isEqualTo(d("15.20"));
            assertThat(s.satisfactionRate()).isEqualTo(d("70.00"));
            assertThat(s.dissatisfied()).isEqualTo(3);
            ItemStats t = Scoring.item(Scale.FOUR_LEVEL, Map.of(4, 1L, 3, 1L, 2, 1L));
            assertThat(t.averagePoints()).isEqualTo(d("16.00"));                // 48 / 3
            assertThat(t.satisfactionRate()).isEqualTo(d("66.67"));             // 2 / 3 = 66.666.. HALF_UP
            ItemStats none = Scoring.item(Scale.FOUR_LEVEL, Map.of());
            assertThat(none.averagePoints()).isNull();
            assertThat(none.satisfactionRate()).isNull();
        }

        @Test
        void overallByScoreIsTheMeanOfNormalisedTotals() {
            assertThat(Scoring.overallScore(List.of(d("80.00"), d("97.50"), d("25.00")))).isEqualTo(d("67.50")); // 202.5 / 3
            assertThat(Scoring.overallScore(List.of(d("82.50"), d("66.67"), d("90.00")))).isEqualTo(d("79.72")); // 239.17 / 3 = 79.7233
            assertThat(Scoring.overallScore(List.of())).isNull();
        }

        @Test
        void overallByRateIsSatisfiedAnswersOverAllAnswers() {
            List<ItemStats> items = List.of(Scoring.item(Scale.FOUR_LEVEL, Map.of(4, 3L, 3, 4L, 2, 2L, 1, 1L)),
                    Scoring.item(Scale.FOUR_LEVEL, Map.of(4, 1L, 3, 1L, 2, 1L)));
            assertThat(Scoring.overallRate(items)).isEqualTo(d("69.23"));      // (7 + 2) / 13 = 69.2307..
            assertThat(Scoring.figure(Method.RATE, items)).isEqualTo(d("69.23"));
            // SCORE figure of the two items pooled: (152 + 48) / (13 x 20) = 200 / 260 = 76.923..
            assertThat(Scoring.figure(Method.SCORE, items)).isEqualTo(d("76.92"));
        }
    }

    @Nested
    class FiveLevels {

        @Test
        void respondentTotalsAndClasses() {
            assertThat(respondent(Scale.FIVE_LEVEL, 5, 4, 3).normalised()).isEqualTo(d("80.00"));     // 12 / 15
            assertThat(respondent(Scale.FIVE_LEVEL, 5, 5, 4, 5).normalised()).isEqualTo(d("95.00"));  // 19 / 20
            assertThat(respondent(Scale.FIVE_LEVEL, 5, 5, 4, 5).respondentClass()).isEqualTo('A');
            assertThat(respondent(Scale.FIVE_LEVEL, 2, 3, 1).normalised()).isEqualTo(d("40.00"));     // 6 / 15
            assertThat(respondent(Scale.FIVE_LEVEL, 2, 3, 1).respondentClass()).isEqualTo('C');
            RespondentScore boundary = respondent(Scale.FIVE_LEVEL, 4, 3);                           // 7 / 10 = 70
            assertThat(boundary.normalised()).isEqualTo(d("70.00"));
            assertThat(boundary.respondentClass()).isEqualTo('B');
            assertThat(respondent(Scale.FIVE_LEVEL, 5, null, 1).normalised()).isEqualTo(d("60.00")); // 6 / 10, skipped
            assertThat(respondent(Scale.FIVE_LEVEL, 4, 4, 4, 4, 4, 4, 4, 4, 4, 3).normalised())       // 39 / 50 = 78
                    .isEqualTo(d("78.00"));
            assertThat(respondent(Scale.FIVE_LEVEL, 5, 4, 4).normalised()).isEqualTo(d("86.67"));     // 13 / 15 = 86.666..
        }

        @Test
        void itemFiguresScoreAndRate() {
            ItemStats a = Scoring.item(Scale.FIVE_LEVEL, Map.of(5, 2L, 4, 3L, 3, 1L, 1, 1L));
            // points 10 + 12 + 3 + 0 + 1 = 26; 26 / 7 = 3.714..; satisfied (5 or 4) 5 / 7 = 71.428..
            assertThat(a.countsByRating()).containsExactly(Map.entry(5, 2L), Map.entry(4, 3L), Map.entry(3, 1L),
                    Map.entry(2, 0L), Map.entry(1, 1L));
            assertThat(a.averagePoints()).isEqualTo(d("3.71"));
            assertThat(a.satisfactionRate()).isEqualTo(d("71.43"));
            assertThat(a.dissatisfied()).isEqualTo(1);
            ItemStats b = Scoring.item(Scale.FIVE_LEVEL, Map.of(5, 1L, 3, 2L));   // 11 points, 1 satisfied of 3
            assertThat(b.averagePoints()).isEqualTo(d("3.67"));
            assertThat(Scoring.overallRate(List.of(a, b))).isEqualTo(d("60.00"));          // (5 + 1) / 10
            assertThat(Scoring.figure(Method.RATE, List.of(a, b))).isEqualTo(d("60.00"));
            assertThat(Scoring.figure(Method.SCORE, List.of(a, b))).isEqualTo(d("74.00"));  // 37 / 50
            assertThat(Scoring.overallScore(List.of(d("80.00"), d("95.00"), d("40.00")))).isEqualTo(d("71.67")); // 215 / 3
        }
    }

    @Test
    void thresholdsAreConfigurableAndInclusive() {
        BigDecimal a = d("85");
        BigDecimal b = d("60");
        assertThat(Scoring.classify(d("85.00"), a, b)).isEqualTo('A');
        assertThat(Scoring.classify(d("84.99"), a, b)).isEqualTo('B');
        assertThat(Scoring.classify(d("60.00"), a, b)).isEqualTo('B');
        assertThat(Scoring.classify(d("59.99"), a, b)).isEqualTo('C');
        assertThat(Scoring.classify(d("90.00"), A, B)).isEqualTo('A');
        assertThat(Scoring.classify(d("89.99"), A, B)).isEqualTo('B');
        assertThat(Scoring.classify(d("70.00"), A, B)).isEqualTo('B');
        assertThat(Scoring.classify(d("69.99"), A, B)).isEqualTo('C');
        // a 75.00 respondent is C under a template with B at 80
        assertThat(Scoring.respondent(Scale.FOUR_LEVEL, List.of(4, 2), d("95"), d("80")).respondentClass()).isEqualTo('C');
    }

    @Test
    void weightedIndexIsSumOfWeightTimesFigureOverTheWeights() {
        // (40 x 80 + 20 x 60 + 40 x 90) / 100 = (3200 + 1200 + 3600) / 100 = 80
        assertThat(Scoring.weightedIndex(List.of(new WeightedFigure(d("40"), d("80.00")),
                new WeightedFigure(d("20"), d("60.00")), new WeightedFigure(d("40"), d("90.00"))))).isEqualTo(d("80.00"));
        // a dimension without answers drops out: (3200 + 3600) / 80 = 85
        assertThat(Scoring.weightedIndex(List.of(new WeightedFigure(d("40"), d("80.00")),
                new WeightedFigure(d("20"), null), new WeightedFigure(d("40"), d("90.00"))))).isEqualTo(d("85.00"));
        // the J.D.-Power weights: 16x85 + 10x90 + 11x72.5 + 12x66.67 + 21x80 + 15x95 + 15x88
        //   = 1360 + 900 + 797.5 + 800.04 + 1680 + 1425 + 1320 = 8282.54; / 100 = 82.8254
        assertThat(Scoring.weightedIndex(List.of(new WeightedFigure(d("16"), d("85.00")),
                new WeightedFigure(d("10"), d("90.00")), new WeightedFigure(d("11"), d("72.50")),
                new WeightedFigure(d("12"), d("66.67")), new WeightedFigure(d("21"), d("80.00")),
                new WeightedFigure(d("15"), d("95.00")), new WeightedFigure(d("15"), d("88.00"))))).isEqualTo(d("82.83"));
        assertThat(Scoring.weightedIndex(List.of(new WeightedFigure(d("100"), null)))).isNull();
    }

    @Test
    void adjustmentsInPercentagePointsWithEachLineShown() {
        // 85.00 - 3 x 0.1 - 1 x 0.1 + 2 x 0.1 = 84.80
        Adjusted a = Scoring.adjust(d("85.00"), AdjustmentSteps.defaults(), 3, 1, 2);
        assertThat(a.raw()).isEqualTo(d("85.00"));
        assertThat(a.adjustments()).extracting(Adjustment::kind).containsExactly("COMPLAINT", "FAULT_OPINION", "PRAISE");
        assertThat(a.adjustments()).extracting(Adjustment::change).containsExactly(d("-0.30"), d("-0.10"), d("0.20"));
        assertThat(a.adjustments()).extracting(Adjustment::count).containsExactly(3L, 1L, 2L);
        assertThat(a.adjusted()).isEqualTo(d("84.80"));
        // configured steps: 85 - 3 x 0.2 - 1 x 0.5 + 2 x 0.25 = 85 - 0.6 - 0.5 + 0.5 = 84.40
        Adjusted b = Scoring.adjust(d("85"), new AdjustmentSteps(d("-0.2"), d("-0.5"), d("0.25")), 3, 1, 2);
        assertThat(b.adjusted()).isEqualTo(d("84.40"));
        assertThat(b.adjustments().get(2).change()).isEqualTo(d("0.50"));
        Adjusted none = Scoring.adjust(null, AdjustmentSteps.defaults(), 1, 0, 0);
        assertThat(none.adjusted()).isNull();
        assertThat(none.adjustments().get(0).change()).isEqualTo(d("-0.10"));
    }
}
