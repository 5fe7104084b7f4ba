package com.careloop.platform.approval;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

import com.careloop.platform.ApprovalDecision;
import com.careloop.platform.ApprovalOutcome;
import com.careloop.platform.ApprovalSubject;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.Text;
import com.careloop.platform.approval.ChainStages.Kind;
import com.careloop.platform.approval.ChainStages.Mode;
import com.careloop.platform.approval.ChainStages.Stage;
import com.careloop.platform.approval.ChainStages.Step;
import com.careloop.platform.calendar.BusinessCalendar;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The approval's rules without a database: 会签 / 或签, stages, deadlines on the business calendar, withdraw, the end. */
class ApprovalTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    // Thursday 1 October 2026 is a holiday in this calendar; Friday 2 October too.
    static final BusinessCalendar CALENDAR = BusinessCalendar.chinaStandard(
            Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2)), Set.of());
    static final Clock CLOCK = Clock.fixed(ZonedDateTime.of(2026, 9, 30, 10, 0, 0, 0, ZONE).toInstant(), ZONE);
    static final Approval.Deadlines DEADLINES = ApprovalService.deadlines(CALENDAR);

    static final Step SALES = new Step(Kind.DEPARTMENT, "SALES", 1, "aspect.price");
    static final Step PRODUCTION = new Step(Kind.DEPARTMENT, "PROD", 2, "aspect.capacity");
    static final Step GM = new Step(Kind.POSITION, "GENERAL_MANAGER", 1, null);

    private Approval start(Stage... stages) {
        Approval a = Approval.start(new ApprovalSubject("contract", 7, "HT-7", Text.literal("合同 HT-7"), "/c/7", null),
                "contract.SPECIAL", 3, List.of(stages), 100L, "销售员", Instant.now(CLOCK), DEADLINES);
        assign(a);
        return a;
    }

    /** Candidates: task of step i gets users 10*(i+1) and 10*(i+1)+1. */
    private static void assign(Approval a) {
        for (ApprovalTask t : a.openTasks()) {
            if (t.getCandidates().isEmpty()) {
                long base = 10L * (t.getStepNo() + 1) + 100L * t.getStageNo();
                t.assign(Set.of(base, base + 1));
            }
        }
    }

    private static ApprovalTask open(Approval a, int step) {
        return a.openTasks().stream().filter(t -> t.getStepNo() == step).findFirst().orElseThrow();
    }

    private java.util.Optional<ApprovalOutcome> decide(Approval a, int step, long who, ApprovalDecision d, String c) {
        var outcome = a.decide(open(a, step), d, c, who, "u" + who, Instant.now(CLOCK), DEADLINES);
        assign(a);
        return outcome;
    }

    @Test
    void allOfNeedsEveryStepAndOneRejectionEndsIt() {
        Approval a = start(new Stage(Mode.ALL_OF, List.of(SALES, PRODUCTION)));
        assertThat(a.openTasks()).hasSize(2);
        assertThat(decide(a, 0, 10, ApprovalDecision.APPROVE, null)).isEmpty();
        assertThat(a.getStatus()).isEqualTo(Approval.Status.OPEN);
        assertThat(decide(a, 1, 21, ApprovalDecision.APPROVE_WITH_CONDITIONS, "交期需延后一周"))
                .contains(ApprovalOutcome.APPROVED);
        assertThat(a.getStatus()).isEqualTo(Approval.Status.APPROVED);

        Approval b = start(new Stage(Mode.ALL_OF, List.of(SALES, PRODUCTION)));
        assertThat(decide(b, 1, 20, ApprovalDecision.REJECT, "产能不足")).contains(ApprovalOutcome.REJECTED);
        assertThat(b.openTasks()).isEmpty();
        assertThat(b.getTasks()).extracting(ApprovalTask::getStatus)
                .containsExactly(ApprovalTask.Status.CANCELLED, ApprovalTask.Status.DONE);
    }

    @Test
    void anyOfCompletesAtTheFirstApprovalAndCancelsTheOthers() {
        Approval a = start(new Stage(Mode.ANY_OF, List.of(SALES, PRODUCTION)));
        assertThat(decide(a, 1, 20, ApprovalDecision.APPROVE, null)).contains(ApprovalOutcome.APPROVED);
        assertThat(a.getTasks().get(0).getStatus()).isEqualTo(ApprovalTask.Status.CANCELLED);
        ApprovalTask done = a.getTasks().get(1);
        assertThat(done.getDecidedByName()).isEqualTo("u20");
        assertThat(done.getDecidedAt()).isEqualTo(Instant.now(CLOCK));
    }

    @Test
    void stagesRunOneAfterTheOther() {
        Approval a = start(new Stage(Mode.ALL_OF, List.of(SALES, PRODUCTION)), new Stage(Mode.ANY_OF, List.of(GM)));
        decide(a, 0, 11, ApprovalDecision.APPROVE, null);
        assertThat(a.getCurrentStage()).isZero();
        assertThat(decide(a, 1, 20, ApprovalDecision.APPROVE, null)).isEmpty();
        assertThat(a.getCurrentStage()).isEqualTo(1);
        assertThat(a.openTasks()).singleElement().satisfies(t -> {
            assertThat(t.getAssigneeKind()).isEqualTo(Kind.POSITION);
            assertThat(t.getStageNo()).isEqualTo(1);
        });
        assertThat(decide(a, 0, 110, ApprovalDecision.APPROVE, null)).contains(ApprovalOutcome.APPROVED);
    }

    @Test
    void deadlinesCountWorkingDaysOnTheBusinessCalendarAndRemindAtEightyPercent() {
        Approval a = start(new Stage(Mode.ALL_OF, List.of(SALES, PRODUCTION)));
        // Wednesday 30 Sep 10:00 + 1 working day: Thu and Fri are holidays → Monday 5 Oct 17:30
        assertThat(open(a, 0).getDueAt()).isEqualTo(ZonedDateTime.of(2026, 10, 5, 17, 30, 0, 0, ZONE).toInstant());
        assertThat(open(a, 1).getDueAt()).isEqualTo(ZonedDateTime.of(2026, 10, 6, 17, 30, 0, 0, ZONE).toInstant());
        Instant remind = open(a, 0).getRemindAt();
        assertThat(remind).isAfter(Instant.now(CLOCK)).isBefore(open(a, 0).getDueAt());
        assertThat(CALENDAR.fractionUsed(Instant.now(CLOCK), remind, 1,
                com.careloop.platform.calendar.TimeUnit.WORKING_DAYS, List.of())).isBetween(0.8, 0.81);
    }

    @Test
    void onlyCandidatesDecideCommentsAreRequiredForConditionsAndRejection() {
        Approval a = start(new Stage(Mode.ALL_OF, List.of(SALES)));
        assertThatThrownBy(() -> decide(a, 0, 99, ApprovalDecision.APPROVE, null))
                .isInstanceOf(DomainException.class).extracting("code").isEqualTo("approvals.not-assignee");
        assertThatThrownBy(() -> decide(a, 0, 10, ApprovalDecision.REJECT, " "))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("comment");
        assertThatThrownBy(() -> decide(a, 0, 10, ApprovalDecision.APPROVE_WITH_CONDITIONS, null))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("comment");
        assertThatThrownBy(() -> decide(a, 0, 10, null, null))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("decision");
        assertThat(a.openTasks()).hasSize(1);
    }

    @Test
    void decisionsAfterTheEndAndOnClosedTasksAreRefused() {
        Approval a = start(new Stage(Mode.ANY_OF, List.of(SALES, PRODUCTION)));
        ApprovalTask other = open(a, 1);
        decide(a, 0, 10, ApprovalDecision.APPROVE, null);
        assertThatThrownBy(() -> a.decide(other, ApprovalDecision.APPROVE, null, 20, "u20", Instant.now(CLOCK), DEADLINES))
                .isInstanceOf(DomainException.class).extracting("code").isEqualTo("approvals.completed");
        assertThatThrownBy(() -> a.withdraw(100L, Instant.now(CLOCK)))
                .isInstanceOf(DomainException.class).extracting("code").isEqualTo("approvals.completed");

        Approval b = start(new Stage(Mode.ALL_OF, List.of(SALES, PRODUCTION)));
        ApprovalTask first = open(b, 0);
        decide(b, 0, 10, ApprovalDecision.APPROVE, null);
        assertThatThrownBy(() -> b.decide(first, ApprovalDecision.APPROVE, null, 11, "u11", Instant.now(CLOCK), DEADLINES))
                .isInstanceOf(DomainException.class).extracting("code").isEqualTo("approvals.task-closed");
    }

    @Test
    void onlyTheRequesterWithdraws() {
        Approval a = start(new Stage(Mode.ALL_OF, List.of(SALES, PRODUCTION)));
        assertThatThrownBy(() -> a.withdraw(10L, Instant.now(CLOCK)))
                .isInstanceOf(DomainException.class).extracting("code").isEqualTo("approvals.not-requester");
        assertThat(a.withdraw(100L, Instant.now(CLOCK))).isEqualTo(ApprovalOutcome.WITHDRAWN);
        assertThat(a.openTasks()).isEmpty();
        assertThatThrownBy(() -> decide(a, 0, 10, ApprovalDecision.APPROVE, null)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void aChainThatCannotRunIsRefusedNamingTheField() {
        assertThatThrownBy(() -> ChainStages.validate(List.of(), ChainStages.RefCheck.ANY))
                .extracting("field").isEqualTo("stages");
        assertThatThrownBy(() -> ChainStages.validate(List.of(new Stage(Mode.ALL_OF, List.of(SALES,
                new Step(Kind.USER, " ", 1, null)))), ChainStages.RefCheck.ANY))
                .extracting("field").isEqualTo("stages[0].steps[1].ref");
        assertThatThrownBy(() -> ChainStages.validate(List.of(new Stage(Mode.ALL_OF, List.of(
                new Step(Kind.POSITION, "GENERAL_MANAGER", 0, null)))), ChainStages.RefCheck.ANY))
                .extracting("field").isEqualTo("stages[0].steps[0].deadlineDays");
        assertThatThrownBy(() -> ChainStages.validate(List.of(new Stage(null, List.of(SALES))), ChainStages.RefCheck.ANY))
                .extracting("field").isEqualTo("stages[0].mode");
        assertThatThrownBy(() -> ChainStages.validate(List.of(new Stage(Mode.ANY_OF, List.of(SALES))), (k, r) -> false))
                .extracting("field").isEqualTo("stages[0].steps[0].ref");
    }
}
