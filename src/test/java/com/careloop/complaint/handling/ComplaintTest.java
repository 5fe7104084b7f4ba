package com.careloop.complaint.handling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Consumer;

import com.careloop.complaint.CauseCategory;
import com.careloop.complaint.ComplaintCategory;
import com.careloop.complaint.ComplaintChannel;
import com.careloop.complaint.ComplaintStatus;
import com.careloop.complaint.Severity;
import com.careloop.complaint.Verification;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.calendar.ChineseHolidays2026;
import com.careloop.platform.calendar.TimeUnit;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The complaint procedure, its deadlines on the 2026 business calendar (Mon–Fri 08:30–12:00 and
 * 13:30–17:30, Asia/Shanghai, national holidays and make-up workdays) and the repeat rule, with a fixed clock.
 */
class ComplaintTest {

    static final DeadlineClock CLOCK = new DeadlineClock(ChineseHolidays2026.calendar(), 0.8);
    static final ComplaintProperties.Targets GENERAL = ComplaintProperties.Targets.defaults();
    static final ComplaintProperties.Targets MAJOR = new ComplaintProperties.Targets(4, TimeUnit.CALENDAR_HOURS, 24,
            TimeUnit.CALENDAR_HOURS, 1, TimeUnit.WORKING_DAYS);
    static final Clock FIXED = Clock.fixed(at("2026-03-06T16:00"), ZoneOffset.UTC);
    static final LocalDate DUE = LocalDate.of(2026, 3, 20);

    static Instant at(String local) {
        return OffsetDateTime.parse(local + ":00+08:00").toInstant();
    }

    static Complaint complaint(long customer, String receivedAt, String product, String order) {
        return complaint(customer, receivedAt, product, order, "B-17");
    }

    static Complaint complaint(long customer, String receivedAt, String product, String order, String batch) {
        var receipt = new Complaint.Receipt(customer, "华东机械", "KH2026-000001", false, at(receivedAt),
                ComplaintChannel.PHONE, order, product, "批次 B-17 轴承异响", "更换整批", null, batch);
        return Complaint.receive("TS2026-000001", receipt, 5L, "complaints", GENERAL, CLOCK, Instant.now(FIXED));
    }

    static Complaint received() {
        return complaint(1, "2026-03-06T16:00", "ZX-200", "HT-001");
    }

    static Instant now() {
        return Instant.now(FIXED);
    }

    /** Each step of the procedure, in order. */
    static final Consumer<Complaint> ACK = c -> c.acknowledge(at("2026-03-09T17:00"), "complaints", now());
    static final Consumer<Complaint> ASSESS = c -> c.assess(ComplaintCategory.PRODUCT_QUALITY, Severity.GENERAL, null,
            GENERAL, CLOCK, "complaints", now());
    static final Consumer<Complaint> INVESTIGATE = c -> c.investigate(3L, CauseCategory.PROCESS, "装配扭矩不足", "depthead", now());
    static final Consumer<Complaint> ACTION = c -> c.addCorrectiveAction("调整扭矩并复检", "李工", DUE, "complaints", now());
    static final Consumer<Complaint> DONE = c -> c.getActions().stream().filter(a -> !a.isDone())
            .forEach(a -> c.markActionDone(a, "complaints", now()));
    static final Consumer<Complaint> DECIDE = c -> c.communicateDecision("电话", now(), "更换整批并补偿运费", "complaints", now());
    static final Consumer<Complaint> VERIFY = c -> c.verify(Verification.EFFECTIVE, null, null, null, "complaints", now());
    static final Consumer<Complaint> CONFIRM = c -> c.confirmByQuality("quality", now());
    static final Consumer<Complaint> CLOSE = c -> c.close("complaints", now());

    @Nested
    class Lifecycle {

        @Test
        void everyStepInOrderEndsClosedWithATimelineRowEach() {
            Complaint c = received();
            for (var step : new Consumer[] {ACK, ASSESS, INVESTIGATE, ACTION, DONE, DECIDE, VERIFY, CONFIRM, CLOSE}) {
                @SuppressWarnings("unchecked") Consumer<Complaint> s = step;
                s.accept(c);
            }
            assertThat(c.getStatus()).isEqualTo(ComplaintStatus.CLOSED);
            assertThat(c.getEvents()).extracting(ComplaintEvent::getKind).containsExactly("RECEIVED", "ACKNOWLEDGED",
                    "ASSESSED", "INVESTIGATED", "ACTION_ADDED", "ACTION_DONE", "DECISION_COMMUNICATED", "VERIFIED",
                    "QUALITY_CONFIRMED", "CLOSED");
            assertThat(c.getEvents()).allSatisfy(e -> assertThat(e.getOccurredAt()).isEqualTo(now()));
            assertThat(c.getEvents().get(3).getActor()).isEqualTo("depthead");
            assertThat(c.getQualityConfirmedBy()).isEqualTo("quality");
            assertThat(c.getRequestedRemedy()).isEqualTo("更换整批");
        }

        @Test
        void eachStepOutOfOrderIsRefusedNamingTheCurrentState() {
            Complaint c = received();
            refused(c, ASSESS, "RECEIVED");
            refused(c, INVESTIGATE, "RECEIVED");
            refused(c, ACTION, "RECEIVED");
            refused(c, DECIDE, "RECEIVED");
            refused(c, VERIFY, "RECEIVED");
            refused(c, CONFIRM, "RECEIVED");
            refused(c, CLOSE, "RECEIVED");
            ACK.accept(c);
            refused(c, ACK, "ACKNOWLEDGED");
            refused(c, INVESTIGATE, "ACKNOWLEDGED");
            ASSESS.accept(c);
            refused(c, ACTION, "ASSESSED");
            INVESTIGATE.accept(c);
            refused(c, DECIDE, "INVESTIGATED");
            ACTION.accept(c);
            refused(c, VERIFY, "ACTION_TAKEN");
            DECIDE.accept(c);
            refused(c, CONFIRM, "DECISION_COMMUNICATED");
            refused(c, ACTION, "DECISION_COMMUNICATED");
            VERIFY.accept(c);
            refused(c, CLOSE, "VERIFIED");
            assertThat(c.getStatus()).isEqualTo(ComplaintStatus.VERIFIED);
        }

        @Test
        void notEffectiveAddsTheNewCountermeasureAndGoesBackToCorrectiveAction() {
            Complaint c = received();
            ACK.andThen(ASSESS).andThen(INVESTIGATE).andThen(ACTION).andThen(DONE).andThen(DECIDE).accept(c);
            c.verify(Verification.NOT_EFFECTIVE, "更换供应商的轴承", "王工", DUE, "complaints", now());
            assertThat(c.getStatus()).isEqualTo(ComplaintStatus.ACTION_TAKEN);
            assertThat(c.getActions()).hasSize(2);
            assertThat(c.getActions().get(1).getDescription()).isEqualTo("更换供应商的轴承");
            assertThat(c.getActions().get(1).isDone()).isFalse();
            DONE.andThen(DECIDE).andThen(VERIFY).andThen(CONFIRM).andThen(CLOSE).accept(c);
            assertThat(c.getStatus()).isEqualTo(ComplaintStatus.CLOSED);
        }

        @Test
        void notEffectiveWithoutACountermeasureIsBadInput() {
            Complaint c = received();
            ACK.andThen(ASSESS).andThen(INVESTIGATE).andThen(ACTION).andThen(DECIDE).accept(c);
            assertThatThrownBy(() -> c.verify(Verification.NOT_EFFECTIVE, " ", null, null, "complaints", now()))
                    .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("countermeasure");
        }

        @Test
        void closeIsRefusedWhileAnActionIsNotDone() {
            Complaint c = received();
            ACK.andThen(ASSESS).andThen(INVESTIGATE).andThen(ACTION).andThen(DECIDE).andThen(VERIFY).andThen(CONFIRM)
                    .accept(c);
            assertThatThrownBy(() -> CLOSE.accept(c)).isInstanceOf(DomainException.class)
                    .hasMessageContaining("1 corrective action(s) not done");
            DONE.andThen(CLOSE).accept(c);
            assertThat(c.getStatus()).isEqualTo(ComplaintStatus.CLOSED);
        }

        void refused(Complaint c, Consumer<Complaint> step, String state) {
            assertThatThrownBy(() -> step.accept(c)).isInstanceOf(DomainException.class)
                    .satisfies(e -> assertThat(((DomainException) e).details()).containsEntry("status", state));
        }
    }

    @Nested
    class Deadlines {

        @Test
        void receivedFridayAt1600TheGeneralDeadlinesAre24HoursAnd72HoursAndThreeWorkingDays() {
            Complaint c = received();
            assertThat(c.getAcknowledgeDueAt()).isEqualTo(at("2026-03-07T16:00"));
            assertThat(c.getAcknowledgeWarnAt()).isEqualTo(at("2026-03-07T11:12"));
            assertThat(c.getReplyDueAt()).isEqualTo(at("2026-03-09T16:00"));
            // Three whole working days after Friday: Monday, Tuesday, Wednesday -> end of Wednesday.
            assertThat(c.getResolveDueAt()).isEqualTo(at("2026-03-11T17:30"));
        }

        @Test
        void assessingMajorMovesToTheMajorTargets() {
            Complaint c = received();
            ACK.accept(c);
            c.assess(ComplaintCategory.PRODUCT_QUALITY, Severity.MAJOR, null, MAJOR, CLOCK, "complaints", now());
            assertThat(c.getAcknowledgeDueAt()).isEqualTo(at("2026-03-06T20:00"));
            assertThat(c.getReplyDueAt()).isEqualTo(at("2026-03-07T16:00"));
            assertThat(c.getResolveDueAt()).isEqualTo(at("2026-03-09T17:30"));
        }

        @Test
        void overdueWhenAClockPassesItsDeadlineBeforeItsStep() {
            Complaint c = received();
            assertThat(c.overdue(at("2026-03-07T15:59"))).isFalse();
            assertThat(c.overdue(at("2026-03-07T16:01"))).isTrue();
        }
    }

    @Nested
    class Repeats {

        static final Duration WINDOW = Duration.ofDays(90);

        @Test
        void sameCustomerSameProductInsideTheWindowIsARepeat() {
            Complaint earlier = complaint(1, "2026-01-05T10:00", "ZX-200", null);
            Complaint later = complaint(1, "2026-03-06T10:00", "zx-200", null);
            assertThat(later.repeats(earlier, WINDOW)).isTrue();
        }

        @Test
        void sameOrderIsARepeat() {
            assertThat(complaint(1, "2026-03-06T10:00", null, "HT-9")
                    .repeats(complaint(1, "2026-03-01T10:00", "A", "HT-9"), WINDOW)).isTrue();
        }

        @Test
        void outsideTheWindowIsNot() {
            Complaint earlier = complaint(1, "2025-12-01T10:00", "ZX-200", null);
            Complaint later = complaint(1, "2026-03-06T10:00", "ZX-200", null);
            assertThat(later.repeats(earlier, WINDOW)).isFalse();
        }

        @Test
        void anotherCustomerIsNot() {
            assertThat(complaint(2, "2026-03-06T10:00", "ZX-200", null)
                    .repeats(complaint(1, "2026-03-01T10:00", "ZX-200", null), WINDOW)).isFalse();
        }

        @Test
        void differentProductButSameAssessedCategoryIsARepeat() {
            Complaint earlier = complaint(1, "2026-03-01T10:00", "A", null);
            Complaint later = complaint(1, "2026-03-06T10:00", "B", null);
            assertThat(later.repeats(earlier, WINDOW)).isFalse();
            ACK.andThen(ASSESS).accept(earlier);
            ACK.andThen(ASSESS).accept(later);
            assertThat(later.repeats(earlier, WINDOW)).isTrue();
        }
    }

    @Test
    void theBatchIsKeptTrimmedAndABlankOneIsNone() {
        assertThat(complaint(1, "2026-03-06T16:00", "ZX-200", "HT-001", "  B-17 ").getBatchNo()).isEqualTo("B-17");
        assertThat(complaint(1, "2026-03-06T16:00", "ZX-200", "HT-001", "   ").getBatchNo()).isNull();
        assertThat(complaint(1, "2026-03-06T16:00", "ZX-200", "HT-001", null).getBatchNo()).isNull();
    }
}
