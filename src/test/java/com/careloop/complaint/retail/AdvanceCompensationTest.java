package com.careloop.complaint.retail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;

import com.careloop.complaint.CompensationStatus;
import com.careloop.complaint.retail.AdvanceCompensation.Approver;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;

import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

/** The approval chain of 先行赔偿: supervisor, then manager, never the same person twice, each step by its position. */
class AdvanceCompensationTest {

    static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    static final Approver SUPERVISOR = new Approver(3, "李明", "CS_SUPERVISOR");
    static final Approver MANAGER = new Approver(2, "王丽华", "CS_MANAGER");
    static final Approver OTHER_MANAGER = new Approver(9, "钱经理", "CS_MANAGER");

    static AdvanceCompensation request(String amount) {
        return AdvanceCompensation.submit("XP2026-000001", 1, "黄晓明", null, "误工费", new BigDecimal(amount), 5, "赵静", NOW);
    }

    @Test
    void supervisorThenManagerThenPaid() {
        AdvanceCompensation a = request("300");
        assertThat(a.getAmount()).isEqualByComparingTo("300.00").extracting(BigDecimal::scale).isEqualTo(2);
        a.approveAsSupervisor(SUPERVISOR, NOW);
        assertThat(a.getStatus()).isEqualTo(CompensationStatus.SUPERVISOR_APPROVED);
        a.approveAsManager(MANAGER, NOW);
        assertThat(a.getStatus()).isEqualTo(CompensationStatus.MANAGER_APPROVED);
        a.pay("FK-1", NOW);
        assertThat(a.getStatus()).isEqualTo(CompensationStatus.PAID);
        assertThat(a.getSupervisorName()).isEqualTo("李明");
        assertThat(a.getManagerName()).isEqualTo("王丽华");
    }

    @Test
    void theSamePersonMayNotApproveBothSteps() {
        AdvanceCompensation a = request("300");
        a.approveAsSupervisor(MANAGER, NOW);   // a manager standing in for the supervisor
        assertThatThrownBy(() -> a.approveAsManager(MANAGER, NOW)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.rule()).isEqualTo("four-eyes"));
        assertThat(a.getStatus()).isEqualTo(CompensationStatus.SUPERVISOR_APPROVED);
        a.approveAsManager(OTHER_MANAGER, NOW);
        assertThat(a.getStatus()).isEqualTo(CompensationStatus.MANAGER_APPROVED);
    }

    @Test
    void aStepByTheWrongPositionIsForbidden() {
        AdvanceCompensation a = request("300");
        assertThatThrownBy(() -> a.approveAsSupervisor(new Approver(7, "张小燕", "FRONT_DESK"), NOW))
                .isInstanceOf(AccessDeniedException.class);
        a.approveAsSupervisor(SUPERVISOR, NOW);
        assertThatThrownBy(() -> a.approveAsManager(new Approver(8, "另一主管", "CS_SUPERVISOR"), NOW))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> a.reject(new Approver(8, "另一主管", "CS_SUPERVISOR"), "不同意"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(a.getStatus()).isEqualTo(CompensationStatus.SUPERVISOR_APPROVED);
    }

    @Test
    void eitherApproverRejectsWithAComment() {
        AdvanceCompensation first = request("300");
        first.reject(SUPERVISOR, "证据不足");
        assertThat(first.getStatus()).isEqualTo(CompensationStatus.REJECTED);
        assertThat(first.getRejectionComment()).isEqualTo("证据不足");
        AdvanceCompensation second = request("300");
        second.approveAsSupervisor(SUPERVISOR, NOW);
        assertThatThrownBy(() -> second.reject(MANAGER, " ")).isInstanceOf(InvalidInputException.class);
        second.reject(MANAGER, "金额过高");
        assertThat(second.getRejectedBy()).isEqualTo("王丽华");
    }

    @Test
    void skippedStepsAreRefusedNamingTheState() {
        AdvanceCompensation a = request("300");
        assertThatThrownBy(() -> a.approveAsManager(MANAGER, NOW)).isInstanceOf(DomainException.class)
                .hasMessageContaining("SUBMITTED");
        assertThatThrownBy(() -> a.pay(null, NOW)).isInstanceOf(DomainException.class).hasMessageContaining("SUBMITTED");
    }

    @Test
    void aNegativeAmountIsRefused() {
        assertThatThrownBy(() -> request("-1")).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo("amount");
            assertThat(e.rule()).isEqualTo("non-negative");
        });
    }
}
