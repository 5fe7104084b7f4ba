package com.careloop.complaint.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;

import com.careloop.platform.InvalidInputException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.security.access.AccessDeniedException;

/** Who approves which claim amount: supervisor up to 1000, manager up to 5000, above the GM threshold only the GM. */
class ApprovalLimitsTest {

    final ApprovalLimits limits = new ClaimProperties(null, new BigDecimal("5000"), null).limits();

    @ParameterizedTest(name = "{0} approves {1}: {2}")
    @CsvSource({
            "CS_SUPERVISOR, 0.00, true",
            "CS_SUPERVISOR, 1000.00, true",
            "CS_SUPERVISOR, 1000.01, false",
            "CS_MANAGER, 1000.01, true",
            "CS_MANAGER, 5000.00, true",
            "CS_MANAGER, 5000.01, false",
            "GENERAL_MANAGER, 5000.01, true",
            "GENERAL_MANAGER, 999999.99, true"})
    void eachPositionApprovesUpToItsLimit(String position, BigDecimal amount, boolean allowed) {
        if (allowed) {
            assertThatCode(() -> limits.check(position, amount)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> limits.check(position, amount)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
                assertThat(e.rule()).isEqualTo("approval-limit");
                assertThat(e.field()).isEqualTo("proposedAmount");
            });
        }
    }

    @Test
    void aPositionWithoutALimitMayNotApproveAtAll() {
        assertThatThrownBy(() -> limits.check("FRONT_DESK", BigDecimal.ONE)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> limits.check(null, BigDecimal.ONE)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aLowerGmThresholdCapsEveryOtherPosition() {
        var strict = new ClaimProperties(Map.of("CS_MANAGER", new BigDecimal("5000")), new BigDecimal("3000"), null).limits();
        assertThatCode(() -> strict.check("CS_MANAGER", new BigDecimal("3000.00"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> strict.check("CS_MANAGER", new BigDecimal("3000.01")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage()).contains("3000"));
        assertThatThrownBy(() -> strict.check("CS_SUPERVISOR", BigDecimal.ONE)).isInstanceOf(AccessDeniedException.class);
    }
}
