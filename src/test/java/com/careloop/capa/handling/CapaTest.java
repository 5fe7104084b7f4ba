package com.careloop.capa.handling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import com.careloop.capa.CapaSources;
import com.careloop.capa.CapaStatus;
import com.careloop.capa.FishboneCategory;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;

import org.junit.jupiter.api.Test;

/** The CAPA lifecycle as the procedure states it, with a fixed clock and exact expected values. */
class CapaTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 2026-03-10 09:00 in Shanghai. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T01:00:00Z"), ZoneOffset.UTC);
    static final EffectivenessRule THIRTY_DAYS = new EffectivenessRule(SHANGHAI, 30);
    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    static Instant now() {
        return Instant.now(CLOCK);
    }

    static Capa open() {
        return Capa.open("CA2026-000001", new Capa.Opening(CapaSources.COMPLAINT, 42, "COMPLAINT:42", "TS2026-000042",
                "批次轴承异响", 7L, 3L, true), 5L, "赵静", now());
    }

    /** Gives the unsaved actions ids, as the database would. */
    static void ids(Capa c) throws ReflectiveOperationException {
        Field id = CapaRow.class.getDeclaredField("id");
        id.setAccessible(true);
        long n = 1;
        for (CapaAction a : c.getActions()) {
            if (a.getId() == null) {
                id.set(a, n);
            }
            n++;
        }
    }

    static Capa withRootCause() {
        Capa c = open();
        c.contain("隔离库存批次 B-17 并全检", "赵静", now());
        c.recordRootCause(List.of("轴承异响", "润滑不足", "注油工序漏做", "无防错"), FishboneCategory.METHOD,
                "注油工序无防错，漏注油", "周卫东", now());
        return c;
    }

    @Test
    void aNewCapaIsOpenWithItsSourceAndTimeline() {
        Capa c = open();
        assertThat(c.getStatus()).isEqualTo(CapaStatus.OPEN);
        assertThat(c.getSources()).singleElement().satisfies(s -> {
            assertThat(s.getSourceType()).isEqualTo("COMPLAINT");
            assertThat(s.getSourceId()).isEqualTo(42);
            assertThat(s.getSourceCode()).isEqualTo("TS2026-000042");
        });
        assertThat(c.getSourceKey()).isEqualTo("COMPLAINT:42");
        assertThat(c.getEvents()).extracting(CapaEvent::getKind).containsExactly("OPENED");
        assertThat(c.getOpenedAt()).isEqualTo(Instant.parse("2026-03-10T01:00:00Z"));
    }

    @Test
    void anUnknownSourceTypeOrAnEmptyProblemIsRefusedNamingTheField() {
        assertThatThrownBy(() -> Capa.open("CA1", new Capa.Opening("EMAIL", 1, null, null, "x", null, null, false),
                null, "系统", now())).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("sourceType"));
        assertThatThrownBy(() -> Capa.open("CA1", new Capa.Opening("MANUAL", 1, null, null, " ", null, null, false),
                null, "系统", now())).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("problem"));
    }

    @Test
    void containmentIsOptionalOpenMayGoStraightToRootCause() {
        Capa c = open();
        c.recordRootCause(List.of("为什么1"), FishboneCategory.MACHINE, "设备老化", "周卫东", now());
        assertThat(c.getStatus()).isEqualTo(CapaStatus.ROOT_CAUSE_FOUND);
        assertThat(c.getWhys()).extracting(CapaWhy::getStepNo, CapaWhy::getAnswer)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "为什么1"));
        assertThatThrownBy(() -> c.contain("迟到的遏制", "x", now())).isInstanceOf(DomainException.class)
                .hasMessageContaining("the CAPA is Root cause found");
    }

    @Test
    void theRootCauseNeedsWhysACategoryAndAStatementAtMostFiveWhys() {
        Capa c = open();
        assertThatThrownBy(() -> c.recordRootCause(List.of(), FishboneCategory.MAN, "s", "x", now()))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("whys");
        assertThatThrownBy(() -> c.recordRootCause(List.of("1", "2", "3", "4", "5", "6"), FishboneCategory.MAN, "s", "x", now()))
                .isInstanceOf(InvalidInputException.class).extracting("rule").isEqualTo("max-5");
        assertThatThrownBy(() -> c.recordRootCause(List.of("1"), null, "s", "x", now()))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("category");
        assertThatThrownBy(() -> c.recordRootCause(List.of("1"), FishboneCategory.MAN, "", "x", now()))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("statement");
        assertThat(c.getStatus()).isEqualTo(CapaStatus.OPEN);
        assertThat(c.getWhys()).isEmpty();
    }

    @Test
    void revisingTheRootCauseReplacesTheWhysOfTheRound() {
        Capa c = withRootCause();
        c.recordRootCause(List.of("新的原因"), FishboneCategory.MATERIAL, "来料不良", "周卫东", now());
        assertThat(c.getWhys()).extracting(CapaWhy::getAnswer).containsExactly("新的原因");
        assertThat(c.getFishbone()).isEqualTo(FishboneCategory.MATERIAL);
    }

    @Test
    void actionsNeedTheRootCauseFirstAndADueDateNotInThePast() {
        Capa c = open();
        assertThatThrownBy(() -> c.planAction("加装防错", 9, "陈志强", TODAY.plusDays(5), TODAY, "x", now()))
                .isInstanceOf(DomainException.class).hasMessageContaining("the CAPA is Open");
        Capa r = withRootCause();
        assertThatThrownBy(() -> r.planAction("加装防错", 9, "陈志强", TODAY.minusDays(1), TODAY, "x", now()))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("dueDate");
        r.planAction("加装防错", 9, "陈志强", TODAY, TODAY, "x", now());
        assertThat(r.getStatus()).isEqualTo(CapaStatus.ACTIONS_PLANNED);
    }

    @Test
    void theLastActionDoneMovesToActionsDoneAndSetsTheCheckThirtyDaysAfterTheDoneDate() throws Exception {
        Capa c = withRootCause();
        CapaAction first = c.planAction("加装防错", 9, "陈志强", TODAY.plusDays(5), TODAY, "x", now());
        CapaAction second = c.planAction("培训操作员", 10, "刘大伟", TODAY.plusDays(7), TODAY, "x", now());
        ids(c);
        assertThatThrownBy(() -> c.markActionDone(first, " ", "陈志强", now(), THIRTY_DAYS))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("evidence");
        assertThat(c.markActionDone(first, "防错装置照片", "陈志强", now(), THIRTY_DAYS)).isFalse();
        assertThat(c.getStatus()).isEqualTo(CapaStatus.ACTIONS_PLANNED);
        assertThat(c.allActionsDone()).isFalse();
        assertThatThrownBy(() -> c.markActionDone(first, "again", "陈志强", now(), THIRTY_DAYS))
                .isInstanceOf(DomainException.class);
        // done at 2026-03-31 17:30 UTC = 2026-04-01 01:30 in Shanghai: the company's date counts
        Instant doneAt = Instant.parse("2026-03-31T17:30:00Z");
        assertThat(c.markActionDone(second, "培训签到表", "刘大伟", doneAt, THIRTY_DAYS)).isTrue();
        assertThat(c.getStatus()).isEqualTo(CapaStatus.ACTIONS_DONE);
        assertThat(c.getActionsDoneAt()).isEqualTo(doneAt);
        assertThat(c.getEffectivenessCheckDue()).isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(second.getDoneBy()).isEqualTo("刘大伟");
        assertThat(second.getEvidence()).isEqualTo("培训签到表");
        assertThat(c.allActionsDone()).isTrue();
    }

    @Test
    void theCheckDueDateFollowsTheConfiguredDays() {
        assertThat(new EffectivenessRule(SHANGHAI, 30).due(Instant.parse("2026-01-31T03:00:00Z")))
                .isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(new EffectivenessRule(SHANGHAI, 0).due(Instant.parse("2026-01-31T16:00:00Z")))
                .isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(new EffectivenessRule(SHANGHAI, 90).due(Instant.parse("2026-12-15T00:00:00Z")))
                .isEqualTo(LocalDate.of(2027, 3, 15));
    }

    static Capa pendingVerification() throws Exception {
        Capa c = withRootCause();
        CapaAction a = c.planAction("加装防错", 9, "陈志强", TODAY.plusDays(5), TODAY, "x", now());
        ids(c);
        c.markActionDone(a, "防错装置照片", "陈志强", now(), THIRTY_DAYS);
        c.startVerification("周卫东", now());
        return c;
    }

    @Test
    void aFailedCheckReOpensToANewRoundThatNeedsNewActions() throws Exception {
        Capa c = pendingVerification();
        assertThat(c.getStatus()).isEqualTo(CapaStatus.VERIFICATION_PENDING);
        assertThat(c.getEffectivenessCheckDue()).isEqualTo(LocalDate.of(2026, 4, 9));
        assertThatThrownBy(() -> c.checkEffectiveness(false, "", "周卫东", now()))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("evidence");
        c.checkEffectiveness(false, "4月仍有2起同类投诉", "周卫东", now());
        assertThat(c.getStatus()).isEqualTo(CapaStatus.ROOT_CAUSE_FOUND);
        assertThat(c.getReopenCount()).isEqualTo(1);
        assertThat(c.getRound()).isEqualTo(1);
        assertThat(c.getEffective()).isFalse();
        assertThat(c.getEffectivenessCheckDue()).isNull();
        assertThat(c.currentActions()).isEmpty();
        assertThat(c.allActionsDone()).isFalse();
        assertThat(c.getActions()).hasSize(1);
        assertThat(c.getChecks()).singleElement().satisfies(k -> {
            assertThat(k.isEffective()).isFalse();
            assertThat(k.getEvidence()).isEqualTo("4月仍有2起同类投诉");
            assertThat(k.getDueDate()).isEqualTo(LocalDate.of(2026, 4, 9));
        });
        assertThat(c.getEvents()).extracting(CapaEvent::getKind).endsWith("VERIFIED_NOT_EFFECTIVE", "REOPENED");
        // the old round's action cannot be worked any more; the new round analyses again and plans anew
        assertThatThrownBy(() -> c.startVerification("x", now())).isInstanceOf(DomainException.class)
                .hasMessageContaining("the CAPA is Root cause found");
        c.recordRootCause(List.of("供应商润滑脂批次不良"), FishboneCategory.MATERIAL, "润滑脂不良", "周卫东", now());
        assertThat(c.getWhys()).extracting(CapaWhy::getRound).containsExactly(0, 0, 0, 0, 1);
        CapaAction again = c.planAction("更换润滑脂供应商", 9, "陈志强", TODAY.plusDays(10), TODAY, "x", now());
        ids(c);
        assertThat(c.markActionDone(again, "新供应商合格证", "陈志强", now(), THIRTY_DAYS)).isTrue();
        c.startVerification("周卫东", now());
        c.checkEffectiveness(true, "连续60天无同类投诉", "周卫东", now());
        assertThat(c.getStatus()).isEqualTo(CapaStatus.VERIFIED_EFFECTIVE);
        assertThat(c.getEffective()).isTrue();
        assertThat(c.getReopenCount()).isEqualTo(1);
        c.close("纳入FMEA与作业指导书", "周卫东", now());
        assertThat(c.getStatus()).isEqualTo(CapaStatus.CLOSED);
        assertThat(c.getClosedAt()).isEqualTo(now());
        assertThat(c.getRecurrencePrevention()).isEqualTo("纳入FMEA与作业指导书");
    }

    @Test
    void closingNeedsAnEffectiveCheckAndTheRecurrencePreventionNote() throws Exception {
        Capa c = pendingVerification();
        assertThatThrownBy(() -> c.close("note", "周卫东", now())).isInstanceOf(DomainException.class)
                .hasMessageContaining("the CAPA is Verification pending");
        c.checkEffectiveness(true, "无复发", "周卫东", now());
        assertThatThrownBy(() -> c.close(" ", "周卫东", now())).isInstanceOf(InvalidInputException.class)
                .extracting("field").isEqualTo("recurrencePrevention");
        c.close("纳入FMEA", "周卫东", now());
        assertThatThrownBy(() -> c.addTeamMember("王五", "工程", "x", now())).isInstanceOf(DomainException.class)
                .hasMessageContaining("the CAPA is Closed");
        assertThatThrownBy(() -> c.attach(CapaSources.CALLBACK, 1, null, "x", now())).isInstanceOf(DomainException.class);
    }

    @Test
    void checkingBeforeTheActionsAreDoneIsRefusedNamingTheState() {
        Capa c = withRootCause();
        assertThatThrownBy(() -> c.checkEffectiveness(true, "e", "x", now())).isInstanceOf(DomainException.class)
                .hasMessageContaining("the CAPA is Root cause found")
                .satisfies(e -> assertThat(((DomainException) e).details()).containsEntry("status", "ROOT_CAUSE_FOUND"));
    }

    @Test
    void attachingTheSameSourceTwiceIsANoOp() {
        Capa c = open();
        assertThat(c.attach(CapaSources.SURVEY_ITEM, 8, "SV-8", "系统", now())).isTrue();
        assertThat(c.attach(CapaSources.SURVEY_ITEM, 8, "SV-8", "系统", now())).isFalse();
        assertThat(c.attach(CapaSources.COMPLAINT, 42, null, "系统", now())).isFalse();
        assertThat(c.getSources()).hasSize(2);
    }

    @Test
    void aProposedFirstActionWaitsForTheRootCause() throws Exception {
        Capa c = open();
        CapaAction a = c.proposeAction("更换轴承", 9, "陈志强", TODAY.plusDays(3), TODAY, "系统", now());
        ids(c);
        assertThat(c.getStatus()).isEqualTo(CapaStatus.OPEN);
        assertThatThrownBy(() -> c.markActionDone(a, "e", "x", now(), THIRTY_DAYS)).isInstanceOf(DomainException.class);
        c.recordRootCause(List.of("润滑不足"), FishboneCategory.METHOD, "漏注油", "周卫东", now());
        assertThat(c.getStatus()).isEqualTo(CapaStatus.ACTIONS_PLANNED);
    }

    @Test
    void anOpenActionPastItsDueDateIsOverdueTheDueDateItselfIsNot() {
        Capa c = withRootCause();
        c.planAction("加装防错", 9, "陈志强", TODAY.plusDays(5), TODAY, "x", now());
        assertThat(c.hasOverdueAction(TODAY.plusDays(5))).isFalse();
        assertThat(c.hasOverdueAction(TODAY.plusDays(6))).isTrue();
    }
}
