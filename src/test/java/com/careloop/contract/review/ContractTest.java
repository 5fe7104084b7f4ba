package com.careloop.contract.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.careloop.contract.ContractClass;
import com.careloop.contract.ContractCommands;
import com.careloop.contract.ContractSource;
import com.careloop.contract.ContractStatus;
import com.careloop.contract.ReviewAspect;
import com.careloop.contract.ReviewOutcome;
import com.careloop.contract.ReviewStage;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The contract's rules without Spring: amounts, the form's checks, the major-contract rule and the review steps. */
class ContractTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    static final LocalDate TODAY = LocalDate.now(CLOCK);
    static final Contract.Actor SALES = new Contract.Actor(7, "钱晓东");
    static final Contract.Actor MANAGER = new Contract.Actor(8, "业务经理");
    static final Contract.Actor GM = new Contract.Actor(1, "吴建国");

    static ContractCommands.Line line(String quantity, String price) {
        return new ContractCommands.Line("纸箱", "A4", new BigDecimal(quantity), "只", new BigDecimal(price), null);
    }

    static ContractCommands.Register cmd(ContractClass cls, LocalDate order, LocalDate delivery,
                                         List<ContractCommands.Line> lines) {
        return new ContractCommands.Register(3L, "KH-1", ContractSource.WRITTEN, cls, order, delivery, "月结", null, null,
                "华东", lines);
    }

    static Contract contract(ContractClass cls, ContractCommands.Line... lines) {
        return Contract.register("HTDJ2026-000001", cmd(cls, TODAY, TODAY.plusDays(10), List.of(lines)), "某客户", SALES,
                5L, SALES, CLOCK.instant());
    }

    @ParameterizedTest
    @CsvSource({"3,1.10,3.30", "2.5,3.33,8.33", "0.001,0.50,0.00", "100000,12.50,1250000.00", "1.005,1.00,1.01"})
    void aLinesAmountIsQuantityTimesUnitPriceRoundedHalfUpToFen(String quantity, String price, String amount) {
        Contract c = contract(ContractClass.REGULAR, line(quantity, price));
        assertThat(c.getLines().get(0).getAmount()).isEqualByComparingTo(amount);
        assertThat(c.getLines().get(0).getAmount().scale()).isEqualTo(2);
        assertThat(c.getTotalAmount()).isEqualByComparingTo(amount);
    }

    @Test
    void theTotalIsTheSumOfTheLinesInCny() {
        Contract c = contract(ContractClass.SPECIAL, line("2", "0.10"), line("3", "0.20"));
        assertThat(c.getTotalAmount()).isEqualByComparingTo("0.80");
        assertThat(c.getCurrency()).isEqualTo("CNY");
        assertThat(c.getStatus()).isEqualTo(ContractStatus.UNDER_REVIEW);
        assertThat(c.getReviewStage()).isEqualTo(ReviewStage.REGISTERED);
    }

    @ParameterizedTest
    @CsvSource({"10,1.234,lines[0].unitPrice", "0,1,lines[0].quantity", "-1,1,lines[0].quantity",
            "1.0001,1,lines[0].quantity", "1,-0.01,lines[0].unitPrice"})
    void badLinesAreRefusedNamingTheField(String quantity, String price, String field) {
        assertThatThrownBy(() -> contract(ContractClass.REGULAR, line(quantity, price)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void aDeliveryDateBeforeTheOrderDateIsRefused() {
        assertThatThrownBy(() -> Contract.register("N", cmd(ContractClass.REGULAR, TODAY, TODAY.minusDays(1),
                List.of(line("1", "1"))), "c", SALES, null, SALES, CLOCK.instant()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("deliveryDate"));
        assertThatThrownBy(() -> Contract.register("N", cmd(ContractClass.REGULAR, TODAY, TODAY, List.of()), "c", SALES,
                null, SALES, CLOCK.instant()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("lines"));
    }

    @ParameterizedTest
    @CsvSource({"1000000.00,1000000,false", "1000000.01,1000000,true", "5,0,true", "0,0,false"})
    void aContractIsMajorStrictlyAboveTheThreshold(String total, String threshold, boolean major) {
        assertThat(Contract.isMajor(new BigDecimal(total), new BigDecimal(threshold))).isEqualTo(major);
    }

    @Test
    void aRepeatOrderOfAnUnchangedProductSkipsTheCountersign() {
        Contract c = contract(ContractClass.REPEAT_UNCHANGED, line("1", "1"));
        assertThat(ContractClass.REPEAT_UNCHANGED.chainCode()).isNull();
        c.submit("HT2026-000001", false, CLOCK.instant());
        assertThat(c.getReviewStage()).isEqualTo(ReviewStage.OUTCOME);
        assertThat(c.decide(ReviewOutcome.A, null, MANAGER, CLOCK.instant())).isTrue();
        assertThat(c.getStatus()).isEqualTo(ContractStatus.ACCEPTED);
    }

    @Test
    void outcomeAIsRefusedWhileAnInconsistencyIsOpenAndAcceptedOnceItIsResolved() {
        Contract c = contract(ContractClass.SPECIAL, line("1", "1"));
        c.submit("HT2026-000001", false, CLOCK.instant());
        ContractInconsistency i = c.raise(ReviewAspect.MATERIALS, "原纸缺货", null, SALES, CLOCK.instant());
        assertThat(c.hasOpenInconsistency(ReviewAspect.MATERIALS)).isTrue();
        assertThat(c.hasOpenInconsistency(ReviewAspect.CAPACITY_DELIVERY)).isFalse();
        c.countersignEnded(Contract.Countersign.APPROVED);
        assertThatThrownBy(() -> c.decide(ReviewOutcome.A, null, MANAGER, CLOCK.instant()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("contract.open-inconsistency"));
        i.resolve(com.careloop.contract.ResolutionMethod.PHONE, TODAY, "李经理", "改用替代原纸", 7, "钱晓东", CLOCK.instant());
        assertThat(c.decide(ReviewOutcome.A, null, MANAGER, CLOCK.instant())).isTrue();
    }

    @Test
    void whenADepartmentCannotAcceptOnlyBOrCRemainAndBSendsItBackToBeSubmittedAgain() {
        Contract c = contract(ContractClass.REGULAR, line("1", "1"));
        c.submit("HT2026-000001", false, CLOCK.instant());
        c.countersignEnded(Contract.Countersign.REJECTED);
        assertThatThrownBy(() -> c.decide(ReviewOutcome.A, null, MANAGER, CLOCK.instant()))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> c.decide(ReviewOutcome.B, " ", MANAGER, CLOCK.instant()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("comment"));
        c.decide(ReviewOutcome.B, "交期与客户再商议", MANAGER, CLOCK.instant());
        assertThat(c.getReviewStage()).isEqualTo(ReviewStage.CLARIFY);
        c.submit(null, false, CLOCK.instant());
        assertThat(c.getReviewNumber()).isEqualTo("HT2026-000001");
        assertThat(c.getReviewStage()).isEqualTo(ReviewStage.COUNTERSIGN);
        assertThat(c.getOutcome()).isNull();
    }

    @Test
    void aMajorContractWaitsForTheGeneralManagerWhoCannotApproveTheirOwn() {
        Contract own = Contract.register("N", cmd(ContractClass.REGULAR, TODAY, TODAY, List.of(line("1", "1"))), "c",
                GM, 1L, SALES, CLOCK.instant());
        own.submit("HT", true, CLOCK.instant());
        own.countersignEnded(Contract.Countersign.APPROVED);
        assertThat(own.decide(ReviewOutcome.A, null, MANAGER, CLOCK.instant())).isFalse();
        assertThat(own.getReviewStage()).isEqualTo(ReviewStage.GM_APPROVAL);
        assertThatThrownBy(() -> own.gmDecided(true, GM, CLOCK.instant()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("contract.own-contract"));
        assertThat(own.gmDecided(false, GM, CLOCK.instant())).isFalse();
        assertThat(own.getStatus()).isEqualTo(ContractStatus.NOT_ACCEPTED);

        Contract other = contract(ContractClass.REGULAR, line("1", "1"));
        other.submit("HT", true, CLOCK.instant());
        other.countersignEnded(Contract.Countersign.APPROVED);
        other.decide(ReviewOutcome.A, null, MANAGER, CLOCK.instant());
        assertThat(other.gmDecided(true, GM, CLOCK.instant())).isTrue();
        assertThat(other.getStatus()).isEqualTo(ContractStatus.ACCEPTED);
        assertThat(other.getAcceptedAt()).isEqualTo(CLOCK.instant());
    }

    @Test
    void theRegisterStatusesFollowEachOtherAndARunningReviewCannotBeCancelled() {
        Contract c = contract(ContractClass.REGULAR, line("1", "1"));
        c.submit("HT", false, CLOCK.instant());
        assertThatThrownBy(c::cancel).isInstanceOf(DomainException.class);
        assertThatThrownBy(c::startProduction).isInstanceOf(DomainException.class);
        c.countersignEnded(Contract.Countersign.APPROVED);
        c.decide(ReviewOutcome.A, null, MANAGER, CLOCK.instant());
        assertThatThrownBy(c::delivered).isInstanceOf(DomainException.class);
        c.startProduction();
        c.delivered();
        c.close();
        assertThat(c.getStatus()).isEqualTo(ContractStatus.CLOSED);
        assertThatThrownBy(c::cancel).isInstanceOf(DomainException.class);
    }
}
