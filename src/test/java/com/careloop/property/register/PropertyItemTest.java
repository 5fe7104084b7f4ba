package com.careloop.property.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.property.CustomerDecision;
import com.careloop.property.ProblemKind;
import com.careloop.property.PropertyCondition;
import com.careloop.property.PropertyKind;
import com.careloop.property.PropertyStatus;

import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/** The register's rules on the aggregate, with a fixed clock (company day in Asia/Shanghai). */
class PropertyItemTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    // 2026-12-05 00:30 in Shanghai is still 2026-12-04 in UTC: the company day decides
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T16:30:00Z"), SHANGHAI);
    static final LocalDate TODAY = LocalDate.now(CLOCK);
    static final long SALES = 3, PROD = 4, ENG = 9;

    static PropertyItem.Receipt receipt(BigDecimal quantity, LocalDate receivedOn, long handTo) {
        return new PropertyItem.Receipt(1, "江苏恒顺食品", PropertyKind.TOOLING, "注塑模具", "M-1", quantity, "套", receivedOn, "钱晓东",
                "GL-0007", "A-03", PROD, SALES, handTo, false, Set.of(), null);
    }

    static PropertyItem item(long handTo) {
        PropertyItem i = PropertyItem.register("GC2026-000001", receipt(BigDecimal.ONE, TODAY, handTo), 7L, "钱晓东",
                TODAY, CLOCK.instant());
        ReflectionTestUtils.setField(i, "id", 1L);
        return i;
    }

    static void ids(PropertyItem i) {
        long n = 100;
        for (var m : i.getMovements()) {
            ReflectionTestUtils.setField(m, "id", n++);
        }
        for (var f : i.getFeedback()) {
            ReflectionTestUtils.setField(f, "id", n++);
        }
    }

    @Test
    void physicalPropertyNeedsAPermanentMarkingDocumentsDoNot() {
        for (PropertyKind kind : PropertyKind.values()) {
            PropertyItem.Receipt unmarked = new PropertyItem.Receipt(1, "江苏恒顺食品", kind, "物品", null, BigDecimal.ONE, "件", TODAY,
                    "钱晓东", "  ", null, PROD, PROD, PROD, false, Set.of(), null);
            if (kind.needsPermanentMarking()) {
                assertThatThrownBy(() -> PropertyItem.register("GC2026-000002", unmarked, 7L, "钱晓东", TODAY,
                        CLOCK.instant())).as(kind.name()).isInstanceOfSatisfying(InvalidInputException.class, e -> {
                            assertThat(e.field()).isEqualTo("marking");
                            assertThat(e.rule()).isEqualTo("permanent-marking-required");
                        });
            } else {
                assertThat(PropertyItem.register("GC2026-000002", unmarked, 7L, "钱晓东", TODAY, CLOCK.instant())
                        .getMarking()).as(kind.name()).isNull();
            }
        }
        assertThat(java.util.Arrays.stream(PropertyKind.values()).filter(PropertyKind::needsPermanentMarking))
                .containsExactlyInAnyOrder(PropertyKind.MATERIAL, PropertyKind.PART, PropertyKind.TOOLING,
                        PropertyKind.MEASURING_EQUIPMENT, PropertyKind.SAMPLE);
    }

    @Test
    void theCompanyDayIsShanghaisNotUtcs() {
        assertThat(TODAY).isEqualTo(LocalDate.of(2026, 12, 5));
    }

    @Test
    void quantityMustBeGreaterThanZero() {
        for (String q : new String[] {"0", "-1", "0.000"}) {
            assertThatThrownBy(() -> PropertyItem.register("X", receipt(new BigDecimal(q), TODAY, PROD), 7L, "a",
                    TODAY, CLOCK.instant()))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.field()).isEqualTo("quantity");
                        assertThat(e.rule()).isEqualTo("positive");
                    });
        }
    }

    @Test
    void receivedDateMayBeTodayButNotTomorrow() {
        assertThat(PropertyItem.register("X", receipt(BigDecimal.TEN, TODAY, PROD), 7L, "a", TODAY, CLOCK.instant())
                .getReceivedOn()).isEqualTo(TODAY);
        assertThatThrownBy(() -> PropertyItem.register("X", receipt(BigDecimal.TEN, TODAY.plusDays(1), PROD), 7L, "a",
                TODAY, CLOCK.instant()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("receivedOn");
                    assertThat(e.rule()).isEqualTo("not-in-future");
                });
    }

    @Test
    void aFailedArrivalCheckNeedsANoteAndSendsFeedbackOnce() {
        PropertyItem i = item(SALES);
        assertThatThrownBy(() -> i.verify(true, false, false, "周卫东", null, "a", CLOCK.instant()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("verification.note"));
        assertThat(i.verify(true, false, false, "周卫东", "少一件", "a", CLOCK.instant())).isTrue();
        i.sendFeedback("GK2026-00001", "a", CLOCK.instant());
        ids(i);
        assertThat(i.getFeedback()).singleElement().satisfies(f -> assertThat(f.getIssue()).isEqualTo("少一件"));
        assertThatThrownBy(() -> i.verify(true, true, true, "周卫东", null, "a", CLOCK.instant()))
                .isInstanceOf(DomainException.class);
        long feedbackId = i.getFeedback().get(0).getId();
        i.answerFeedback(feedbackId, "补发一件", null, TODAY, "a", CLOCK.instant());
        assertThatThrownBy(() -> i.answerFeedback(feedbackId, "again", null, TODAY, "a", CLOCK.instant()))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void passingNeedsSpecAndQuantityChecked() {
        PropertyItem i = item(SALES);
        assertThatThrownBy(() -> i.verify(true, false, true, "周卫东", null, "a", CLOCK.instant()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.rule()).isEqualTo("checks-before-pass"));
        assertThat(i.verify(true, true, true, "周卫东", null, "a", CLOCK.instant())).isFalse();
        assertThat(i.getVerification()).isEqualTo(PropertyItem.PASSED);
    }

    @Test
    void aHandOverMovesTheItemOnlyWhenTheReceivingDepartmentSigns() {
        PropertyItem i = item(PROD);
        ids(i);
        assertThat(i.getHolderDepartmentId()).isEqualTo(SALES);
        var pending = i.pendingHandOver().orElseThrow();
        assertThat(pending.getToDepartmentId()).isEqualTo(PROD);
        assertThatThrownBy(() -> i.handOver(ENG, null, null, null, "a", CLOCK.instant())).isInstanceOf(DomainException.class);
        i.signHandOver(pending.getId(), "生产部 李工", 11L, "模具库 A-04", TODAY, CLOCK.instant());
        assertThat(i.getHolderDepartmentId()).isEqualTo(PROD);
        assertThat(i.getHandedSignedBy()).isEqualTo("生产部 李工");
        assertThat(i.getHandedOn()).isEqualTo(TODAY);
        assertThat(i.getStorageLocation()).isEqualTo("模具库 A-04");
        assertThat(i.pendingHandOver()).isEmpty();
        assertThatThrownBy(() -> i.handOver(PROD, null, null, null, "a", CLOCK.instant()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("toDepartmentId"));
    }

    @Test
    void aReturnedItemTakesNoFurtherStep() {
        PropertyItem i = item(SALES);
        i.returnToCustomer(null, "客户取回", "a", 7L, TODAY, CLOCK.instant());
        assertThat(i.getStatus()).isEqualTo(PropertyStatus.RETURNED);
        assertThat(i.getEndedOn()).isEqualTo(TODAY);
        assertThatThrownBy(() -> i.requireHeld("inspect")).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo("property.state"));
        assertThatThrownBy(() -> i.scrap(null, "x", "a", 7L, TODAY, CLOCK.instant())).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> i.handOver(ENG, null, null, null, "a", CLOCK.instant())).isInstanceOf(DomainException.class);
    }

    @Test
    void aRevisionEndsOnceItsHoldersOweTheirCopiesBackAndAReturnedDocumentIsNotDistributed() {
        PropertyItem i = PropertyItem.register("GC2026-000002", new PropertyItem.Receipt(1, "江苏恒顺食品",
                PropertyKind.DRAWING_SPEC, "瓶盖图纸", null, BigDecimal.ONE, "份", TODAY, "钱晓东", null, null, ENG, SALES,
                SALES, false, Set.of(), null), 7L, "钱晓东", TODAY, CLOCK.instant());
        ReflectionTestUtils.setField(i, "id", 2L);
        PropertyRevision a = i.receiveRevision("A", TODAY.minusDays(3), TODAY, java.util.List.of(PROD, ENG), TODAY, "a",
                CLOCK.instant());
        ReflectionTestUtils.setField(a, "id", 50L);
        assertThat(a.outstanding(PropertyCopyAck.RECEIPT).map(PropertyCopyAck::getDepartmentId)).containsExactly(PROD, ENG);
        PropertyRevision b = i.receiveRevision("B", TODAY.minusDays(1), TODAY, java.util.List.of(ENG), TODAY, "a",
                CLOCK.instant());
        ReflectionTestUtils.setField(b, "id", 51L);
        assertThat(a.getEndKind()).isEqualTo(PropertyRevision.SUPERSEDED);
        assertThat(a.outstanding(PropertyCopyAck.RETURN).map(PropertyCopyAck::getDepartmentId)).containsExactly(PROD, ENG);
        assertThatThrownBy(() -> i.withdrawRevision(51L, " ", TODAY, "a", CLOCK.instant()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        i.withdrawRevision(50L, "旧版收回", TODAY, "a", CLOCK.instant());
        assertThat(a.getAcks()).as("no second return asked of the same department").hasSize(4);
        assertThatThrownBy(() -> i.withdrawRevision(50L, "again", TODAY, "a", CLOCK.instant()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code())
                        .isEqualTo("property.revision-withdrawn"));
        assertThatThrownBy(() -> i.distributeRevision(50L, java.util.List.of(SALES), "a", CLOCK.instant()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code())
                        .isEqualTo("property.revision-not-current"));
        i.returnToCustomer(null, "图纸退还", "a", 7L, TODAY, CLOCK.instant());
        assertThatThrownBy(() -> i.distributeRevision(51L, java.util.List.of(SALES), "a", CLOCK.instant()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("property.state"));
    }

    @Test
    void scrapNeedsANoteAndADateNotInTheFuture() {
        PropertyItem i = item(SALES);
        assertThatThrownBy(() -> i.scrap(null, null, "a", 7L, TODAY, CLOCK.instant()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("note"));
        assertThatThrownBy(() -> i.scrap(TODAY.plusDays(1), "顾客同意报废", "a", 7L, TODAY, CLOCK.instant()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("on"));
        i.scrap(null, "顾客同意报废", "a", 7L, TODAY, CLOCK.instant());
        assertThat(i.getStatus()).isEqualTo(PropertyStatus.SCRAPPED);
    }

    @Test
    void aConfidentialItemIsVisibleOnlyToItsNamedDepartments() {
        PropertyItem i = PropertyItem.register("X", new PropertyItem.Receipt(1, "江苏恒顺食品", PropertyKind.INTELLECTUAL_PROPERTY,
                "专利许可文件", null, BigDecimal.ONE, "份", TODAY, "a", null, null, PROD, PROD, PROD, true, Set.of(ENG),
                null), 7L, "a", TODAY, CLOCK.instant());
        assertThat(i.visibleToDepartment(PROD)).isTrue();
        assertThat(i.visibleToDepartment(ENG)).isTrue();
        assertThat(i.visibleToDepartment(SALES)).isFalse();
        assertThat(i.visibleToDepartment(null)).isFalse();
    }

    @Test
    void anInspectionRecordsOnceAndAbsentMeansLost() {
        PropertyInspection t = PropertyInspection.open(1, LocalDate.of(2026, 7, 1), PROD, TODAY, CLOCK.instant());
        assertThatThrownBy(() -> t.record(true, PropertyCondition.DAMAGED, null, "a", CLOCK.instant()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("note"));
        assertThatThrownBy(() -> t.record(true, PropertyCondition.LOST, "x", "a", CLOCK.instant()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("condition"));
        t.record(false, null, "找不到", "a", CLOCK.instant());
        assertThat(t.getCondition()).isEqualTo(PropertyCondition.LOST);
        assertThatThrownBy(() -> t.record(true, PropertyCondition.GOOD, null, "a", CLOCK.instant()))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void anInspectionIsOverdueTheDayAfterItsDueDate() {
        PropertyInspection t = PropertyInspection.open(1, LocalDate.of(2026, 7, 1), PROD, TODAY, CLOCK.instant());
        assertThat(t.overdue(TODAY)).isFalse();
        assertThat(t.overdue(TODAY.plusDays(1))).isTrue();
    }

    @Test
    void theCustomersDecisionIsRecordedOnce() {
        PropertyProblem p = PropertyProblem.report("GW2026-00001", 1, ProblemKind.DAMAGE, null, "模具型腔崩角", "停用隔离",
                "a", CLOCK.instant());
        assertThat(p.getFoundIn()).isEqualTo(PropertyProblem.FOUND_IN_USE);
        p.decide(CustomerDecision.REPAIR, "我司承担修模费", null, TODAY, "a", CLOCK.instant());
        assertThat(p.getDecidedOn()).isEqualTo(TODAY);
        assertThatThrownBy(() -> p.decide(CustomerDecision.SCRAP, null, null, TODAY, "a", CLOCK.instant()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("property.problem-decided"));
    }

    @Test
    void periodsOfSixMonthsStartOnTheFirstOfJanuaryAndJuly() {
        assertThat(PropertyInspectionJob.periodStart(LocalDate.of(2026, 12, 5), 6)).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(PropertyInspectionJob.periodStart(LocalDate.of(2026, 6, 30), 6)).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(PropertyInspectionJob.periodStart(LocalDate.of(2026, 5, 2), 3)).isEqualTo(LocalDate.of(2026, 4, 1));
    }

    @Test
    void defaultOwnersFollowTheProcedure() {
        assertThat(PropertyKind.TOOLING.defaultOwnerCode()).isEqualTo("PROD");
        assertThat(PropertyKind.DRAWING_SPEC.defaultOwnerCode()).isEqualTo("TECH");
        assertThat(PropertyKind.SAMPLE.defaultOwnerCode()).isEqualTo("TECH");
        assertThat(PropertyKind.PERSONAL_DATA.confidentialByNature()).isTrue();
        assertThat(PropertyKind.MATERIAL.confidentialByNature()).isFalse();
    }
}
