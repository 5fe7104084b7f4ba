package com.careloop.complaint.handling;

import static com.careloop.complaint.handling.ComplaintTest.ACK;
import static com.careloop.complaint.handling.ComplaintTest.ASSESS;
import static com.careloop.complaint.handling.ComplaintTest.DECIDE;
import static com.careloop.complaint.handling.ComplaintTest.DUE;
import static com.careloop.complaint.handling.ComplaintTest.INVESTIGATE;
import static com.careloop.complaint.handling.ComplaintTest.now;
import static com.careloop.complaint.handling.ComplaintTest.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import com.careloop.complaint.ComplaintStatus;
import com.careloop.complaint.Verification;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;

import org.junit.jupiter.api.Test;

/**
 * The complaint loop's rules on the aggregate, with the fixed clock of {@link ComplaintTest}: the
 * self-verification rule, the CAPA close rule (capa-actions-done) and what a CAPA re-opened after close
 * leaves on the complaint.
 */
class ComplaintLoopTest {

    static final Complaint.Planned TORQUE = Complaint.plan("调整扭矩并复检", "孙师傅", 9L, DUE);

    /** Investigated by depthead, corrective action (CAPA CA2026-000007) entered by complaints, decision told. */
    static Complaint decided() {
        Complaint c = received();
        ACK.andThen(ASSESS).andThen(INVESTIGATE).accept(c);
        c.linkCapa(7L, "CA2026-000007", TORQUE, false, "complaints", now());
        DECIDE.accept(c);
        return c;
    }

    static Optional<Complaint.Planned> verify(Complaint c, Verification result, String countermeasure, String by) {
        return c.verify(result, countermeasure, null, null, null, true, by, now());
    }

    @Test
    void theInvestigatorMayNotVerify() {
        Complaint c = decided();
        assertThatThrownBy(() -> verify(c, Verification.EFFECTIVE, null, "depthead"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> {
                    assertThat(((InvalidInputException) e).field()).isEqualTo("verifier");
                    assertThat(((InvalidInputException) e).rule()).isEqualTo("not-handler");
                });
        assertThat(c.getStatus()).isEqualTo(ComplaintStatus.DECISION_COMMUNICATED);
        assertThat(c.getVerification()).isNull();
    }

    @Test
    void whoEnteredACorrectiveActionMayNotVerifyButAnotherHandlerMay() {
        Complaint c = decided();
        assertThat(c.handlers()).containsExactly("depthead", "complaints");
        assertThatThrownBy(() -> verify(c, Verification.EFFECTIVE, null, "complaints"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("complaints");
        verify(c, Verification.EFFECTIVE, null, "supervisor");
        assertThat(c.getStatus()).isEqualTo(ComplaintStatus.VERIFIED);
        assertThat(c.getVerifiedBy()).isEqualTo("supervisor");
    }

    @Test
    void withTheRuleSwitchedOffTheHandlerMayVerify() {
        Complaint c = decided();
        c.verify(Verification.EFFECTIVE, null, null, null, null, false, "complaints", now());
        assertThat(c.getStatus()).isEqualTo(ComplaintStatus.VERIFIED);
    }

    @Test
    void notEffectiveReturnsTheNewCountermeasureAndItsVerifierStaysFreeToVerifyAgain() {
        Complaint c = decided();
        Complaint.Planned next = verify(c, Verification.NOT_EFFECTIVE, "更换轴承供应商", "supervisor").orElseThrow();
        assertThat(next).isEqualTo(new Complaint.Planned("更换轴承供应商", "supervisor", null, DUE.minusDays(7)));
        assertThat(c.getStatus()).isEqualTo(ComplaintStatus.ACTION_TAKEN);
        c.linkCapa(8L, "CA2026-000008", next, true, "supervisor", now());
        assertThat(c.handlers()).containsExactly("depthead", "complaints");
        DECIDE.accept(c);
        verify(c, Verification.EFFECTIVE, null, "supervisor");
        assertThat(c.getStatus()).isEqualTo(ComplaintStatus.VERIFIED);
        assertThat(c.getEvents()).extracting(ComplaintEvent::getKind).containsSubsequence("CAPA_OPENED", "VERIFIED",
                "CAPA_OPENED", "DECISION_COMMUNICATED", "VERIFIED");
    }

    @Test
    void closeWaitsForEveryLinkedCapasActions() {
        Complaint c = decided();
        verify(c, Verification.EFFECTIVE, null, "supervisor");
        c.confirmByQuality("quality", now());
        assertThatThrownBy(() -> c.close(List.of(new Complaint.CapaState(7L, "CA2026-000007", false)), "complaints", now()))
                .isInstanceOf(DomainException.class).hasMessageContaining("CA2026-000007")
                .satisfies(e -> assertThat(((DomainException) e).code()).isEqualTo("complaint.capa-actions-done"));
        // A CAPA the CAPA module does not report is not done either.
        assertThatThrownBy(() -> c.close(List.of(), "complaints", now())).isInstanceOf(DomainException.class);
        assertThat(c.getStatus()).isEqualTo(ComplaintStatus.QUALITY_CONFIRMED);
        c.close(List.of(new Complaint.CapaState(7L, "CA2026-000007", true)), "complaints", now());
        assertThat(c.getStatus()).isEqualTo(ComplaintStatus.CLOSED);
    }

    @Test
    void aCapaReopenedAfterCloseIsTheBannerAndBeforeCloseOnlyATimelineEntry() {
        Complaint c = decided();
        c.capaReopened("CA2026-000007", "复检仍有异响", now());
        assertThat(c.getCapaReopenedAt()).isNull();
        verify(c, Verification.EFFECTIVE, null, "supervisor");
        c.confirmByQuality("quality", now());
        c.close(List.of(new Complaint.CapaState(7L, "CA2026-000007", true)), "complaints", now());
        c.capaVerified("CA2026-000007", false, now());
        c.capaReopened("CA2026-000007", "三个月后复检仍有异响", now());
        assertThat(c.getCapaReopenedAt()).isEqualTo(now());
        assertThat(c.getCapaReopenNote()).isEqualTo("CA2026-000007: 三个月后复检仍有异响");
        assertThat(c.getEvents()).extracting(ComplaintEvent::getKind).endsWith("CLOSED", "CAPA_VERIFIED", "CAPA_REOPENED");
        assertThat(c.getStatus()).isEqualTo(ComplaintStatus.CLOSED);
    }

    @Test
    void aPlannedActionNeedsTextOwnerAndDueDate() {
        assertThatThrownBy(() -> Complaint.plan(" ", "孙师傅", 9L, DUE)).isInstanceOf(InvalidInputException.class)
                .extracting("field").isEqualTo("description");
        assertThatThrownBy(() -> Complaint.plan("x", null, 9L, DUE)).extracting("field").isEqualTo("owner");
        assertThatThrownBy(() -> Complaint.plan("x", "孙师傅", 9L, null)).extracting("field").isEqualTo("dueDate");
        assertThatThrownBy(() -> received().linkCapa(1L, "CA", TORQUE, false, "complaints", now()))
                .isInstanceOf(DomainException.class).hasMessageContaining("while the complaint is Received");
    }
}
