package com.careloop.complaint.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import com.careloop.complaint.ClaimStatus;
import com.careloop.complaint.InspectionMethod;
import com.careloop.complaint.Responsibility;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;

import org.junit.jupiter.api.Test;

/** The claim procedure as the entity enforces it: order of the steps, shares, amounts, the customer's responsibility. */
class ClaimTest {

    static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    static Claim registered(String amount) {
        return Claim.register("SP2026-000001", new Claim.Registration(1, "江苏恒顺", "C001", null, "纸箱", "PO-1",
                new BigDecimal(amount), "受潮"), 5, "赵静", NOW);
    }

    static Claim inspected() {
        Claim c = registered("3600");
        c.addEvidence();
        c.inspect(InspectionMethod.ON_SITE, "含水率 18%", "周卫东", TODAY, TODAY);
        return c;
    }

    @Test
    void theWholeProcedureInOrder() {
        Claim c = inspected();
        c.determineResponsibility(Responsibility.SHARED, new BigDecimal("40"), "承运商未加篷布");
        c.propose(new BigDecimal("1440"), "赵静", NOW);
        c.approve("王丽华", "CS_MANAGER", NOW);
        c.agree("书面确认", NOW.minusSeconds(60), "客户王经理", NOW);
        c.settle(new BigDecimal("1440"), TODAY, "FK-2026-01", TODAY);
        assertThat(c.getStatus()).isEqualTo(ClaimStatus.SETTLED);
        assertThat(c.getOurSharePercent()).isEqualByComparingTo("40.00");
        assertThat(c.getProposedAmount().toPlainString()).isEqualTo("1440.00");
        assertThat(c.getSettledAmount().toPlainString()).isEqualTo("1440.00");
    }

    @Test
    void aSkippedStepIsRefusedNamingTheCurrentState() {
        Claim c = registered("100");
        assertThatThrownBy(() -> c.inspect(InspectionMethod.ON_SITE, "x", "y", TODAY, TODAY))
                .isInstanceOf(DomainException.class).hasMessageContaining("REGISTERED");
        assertThatThrownBy(() -> c.approve("gm", "GENERAL_MANAGER", NOW)).isInstanceOf(DomainException.class)
                .hasMessageContaining("REGISTERED");
        assertThat(c.getStatus()).isEqualTo(ClaimStatus.REGISTERED);
    }

    @Test
    void aSharedResponsibilityNeedsOurShareBetweenZeroAndHundred() {
        for (String bad : new String[] {"0", "100", "-5", "100.5"}) {
            Claim c = inspected();
            assertThatThrownBy(() -> c.determineResponsibility(Responsibility.SHARED, new BigDecimal(bad), null))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.rule()).isEqualTo("range"));
        }
        Claim c = inspected();
        assertThatThrownBy(() -> c.determineResponsibility(Responsibility.SHARED, null, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("ourSharePercent"));
        c.determineResponsibility(Responsibility.OURS, new BigDecimal("50"), null);
        assertThat(c.getOurSharePercent()).isNull();
    }

    @Test
    void theCustomersResponsibilityClosesWithoutPaymentAndOnlyThen() {
        Claim customers = inspected();
        customers.determineResponsibility(Responsibility.CUSTOMER, null, "使用不当");
        assertThatThrownBy(() -> customers.propose(BigDecimal.TEN, "x", NOW)).isInstanceOf(DomainException.class);
        customers.closeWithoutPayment(NOW);
        assertThat(customers.getStatus()).isEqualTo(ClaimStatus.CLOSED);
        Claim ours = inspected();
        ours.determineResponsibility(Responsibility.OURS, null, null);
        assertThatThrownBy(() -> ours.closeWithoutPayment(NOW)).isInstanceOf(DomainException.class);
    }

    @Test
    void aRejectionKeepsTheProposalAndTheCustomersRefusalGoesBackToProposed() {
        Claim c = inspected();
        c.determineResponsibility(Responsibility.CARRIER, null, null);
        c.propose(new BigDecimal("800"), "赵静", NOW);
        c.reject("请附运单");
        assertThat(c.getStatus()).isEqualTo(ClaimStatus.PROPOSED);
        assertThat(c.getRejectionComment()).isEqualTo("请附运单");
        c.propose(new BigDecimal("600"), "赵静", NOW);
        c.approve("李明", "CS_SUPERVISOR", NOW);
        assertThat(c.getRejectionComment()).isNull();
        c.rejectedByCustomer("金额太低");
        assertThat(c.getStatus()).isEqualTo(ClaimStatus.PROPOSED);
        assertThat(c.getApprovedBy()).isNull();
    }

    @Test
    void negativeAmountsAreRefusedEverywhere() {
        assertThatThrownBy(() -> registered("-1")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.rule()).isEqualTo("non-negative"));
        Claim c = inspected();
        c.determineResponsibility(Responsibility.OURS, null, null);
        assertThatThrownBy(() -> c.propose(new BigDecimal("-0.01"), "x", NOW)).isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("proposedAmount"));
        assertThat(c.getStatus()).isEqualTo(ClaimStatus.RESPONSIBILITY);
    }
}
