package com.careloop.complaint.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import com.careloop.platform.InvalidInputException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Money: BigDecimal with scale 2, never negative, at most two decimals. */
class RulesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"0, 0.00", "12, 12.00", "12.5, 12.50", "12.50, 12.50", "1440.000, 1440.00", "999999999999.99, 999999999999.99"})
    void amountsGetScaleTwo(BigDecimal in, String out) {
        BigDecimal money = Rules.money("amount", in);
        assertThat(money.scale()).isEqualTo(2);
        assertThat(money.toPlainString()).isEqualTo(out);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"-0.01, non-negative", "-100, non-negative", "1.005, scale", "1000000000000, max"})
    void badAmountsNameTheFieldAndTheRule(BigDecimal in, String rule) {
        assertThatThrownBy(() -> Rules.money("refundAmount", in)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo("refundAmount");
            assertThat(e.rule()).isEqualTo(rule);
        });
    }

    @org.junit.jupiter.api.Test
    void aMissingAmountIsRequired() {
        assertThatThrownBy(() -> Rules.money("amount", null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.rule()).isEqualTo("required"));
    }
}
