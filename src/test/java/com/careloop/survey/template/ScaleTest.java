package com.careloop.survey.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The two scales of SPEC §7: codes, points, satisfied, dissatisfied-or-worse and the paper form's box order. */
class ScaleTest {

    @Test
    void fourLevelsScore20_18_10_0BestFirst() {
        Scale s = Scale.FOUR_LEVEL;
        assertThat(s.ratings()).containsExactly(4, 3, 2, 1);
        assertThat(s.points(4)).isEqualByComparingTo("20");
        assertThat(s.points(3)).isEqualByComparingTo("18");
        assertThat(s.points(2)).isEqualByComparingTo("10");
        assertThat(s.points(1)).isEqualByComparingTo("0");
        assertThat(s.maxPoints()).isEqualByComparingTo("20");
        assertThat(s.isSatisfied(4)).isTrue();
        assertThat(s.isSatisfied(3)).isTrue();
        assertThat(s.isSatisfied(2)).isFalse();
        assertThat(s.isDissatisfied(2)).isTrue();
        assertThat(s.isDissatisfied(1)).isTrue();
        assertThat(s.isDissatisfied(3)).isFalse();
        assertThat(s.paperBox(4)).isEqualTo(1);
        assertThat(s.paperBox(1)).isEqualTo(4);
        assertThat(s.contains(5)).isFalse();
        assertThat(s.contains(0)).isFalse();
        assertThatThrownBy(() -> s.points(5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fiveLevelsScoreTheirCodeAndFourOrFiveIsSatisfied() {
        Scale s = Scale.FIVE_LEVEL;
        assertThat(s.ratings()).containsExactly(5, 4, 3, 2, 1);
        for (int r = 1; r <= 5; r++) {
            assertThat(s.points(r)).isEqualByComparingTo(String.valueOf(r));
        }
        assertThat(s.isSatisfied(5)).isTrue();
        assertThat(s.isSatisfied(4)).isTrue();
        assertThat(s.isSatisfied(3)).isFalse();
        assertThat(s.isDissatisfied(3)).isFalse();
        assertThat(s.isDissatisfied(2)).isTrue();
        assertThat(s.isDissatisfied(1)).isTrue();
        assertThat(s.contains(6)).isFalse();
        assertThatThrownBy(() -> s.points(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
