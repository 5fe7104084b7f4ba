package com.careloop.survey.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import com.careloop.platform.InvalidInputException;
import com.careloop.survey.sampling.SampleSize.Band;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sampling table of SPEC §7, boundaries exact, fractional sizes rounded up. */
class SampleSizeTest {

    @ParameterizedTest(name = "N = {0}: default n = {1} ({2})")
    @CsvSource({
            "0, 0, EVERYONE",
            "1, 1, EVERYONE",
            "10, 10, EVERYONE",
            "11, 2, TEN_PERCENT",          // 1.1 rounded up
            "100, 10, TEN_PERCENT",
            "101, 11, FIVE_TO_TEN_PERCENT", // 10% of 101 = 10.1 -> 11
            "1000, 100, FIVE_TO_TEN_PERCENT",
            "1001, 51, THREE_TO_FIVE_PERCENT", // 5% of 1001 = 50.05 -> 51
            "10000, 500, THREE_TO_FIVE_PERCENT",
            "10001, 101, SQUARE_ROOT",     // sqrt(10001) = 100.005 -> 101
            "100000, 317, SQUARE_ROOT"})   // sqrt(100000) = 316.23 -> 317
    void theDefaultIsTheUpperEndOfTheBand(int population, int expected, Band band) {
        SampleSize s = SampleSize.of(population, null);
        assertThat(s.size()).isEqualTo(expected);
        assertThat(s.band()).isEqualTo(band);
        assertThat(s.population()).isEqualTo(population);
    }

    @ParameterizedTest(name = "N = {0} at the lower end {1}: n = {2}")
    @CsvSource({
            "101, 0.05, 6",      // 5.05 -> 6
            "1000, 0.05, 50",
            "1001, 0.03, 31",    // 30.03 -> 31
            "10000, 0.03, 300",
            "500, 0.07, 35",
            "1001, 0.04, 41"})   // 40.04 -> 41
    void theLowerEndOrAnyShareInsideTheRangeIsACampaignSetting(int population, String fraction, int expected) {
        assertThat(SampleSize.of(population, new BigDecimal(fraction)).size()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "N = {0}: a share of {1} is outside the band")
    @CsvSource({"101, 0.04", "1000, 0.11", "1001, 0.02", "10000, 0.06", "1001, 0.10"})
    void aShareOutsideTheRangeIsRefused(int population, String fraction) {
        assertThatThrownBy(() -> SampleSize.of(population, new BigDecimal(fraction)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("sampleFraction");
                    assertThat(e.rule()).isEqualTo("within-range");
                });
    }

    @ParameterizedTest(name = "N = {0}: a chosen share does not apply")
    @CsvSource({"0, 0.5", "10, 0.03", "11, 0.03", "100, 0.05", "10001, 0.03", "100000, 0.05"})
    void aShareIsIgnoredWhereTheTableGivesOneFigure(int population, String fraction) {
        assertThat(SampleSize.of(population, new BigDecimal(fraction)).size())
                .isEqualTo(SampleSize.of(population, null).size());
    }

    @ParameterizedTest
    @CsvSource({"10000, 100", "10201, 101", "10202, 102", "1000000, 1000", "1000001, 1001", "2147395600, 46340"})
    void theSquareRootIsExactAtPerfectSquares(int n, int root) {
        assertThat(SampleSize.ceilSqrt(n)).isEqualTo(root);
    }
}
