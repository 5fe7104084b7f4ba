package com.careloop.contract.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import com.careloop.contract.ChangeKind;
import com.careloop.contract.ChangeStatus;
import com.careloop.contract.ContractViews;
import com.careloop.contract.ResolutionMethod;
import com.careloop.contract.ReviewAspect;
import com.careloop.platform.DomainException;

import org.junit.jupiter.api.Test;

/** The rules of contract changes: which aspects a change's kinds touch, the revision diff, the change's steps. */
class ContractChangeRulesTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T02:00:00Z"), ZoneOffset.UTC);
    static final LocalDate TODAY = LocalDate.now(CLOCK);

    static ContractViews.Line line(int no, String product, String qty, String price) {
        BigDecimal q = new BigDecimal(qty);
        BigDecimal p = new BigDecimal(price);
        return new ContractViews.Line(no, product, "500x300", q, "只", p, Contract.amount(q, p), null);
    }

    static ContractTerms terms(LocalDate delivery, String payment, ContractViews.Line... lines) {
        return new ContractTerms(delivery, payment, "GB6543", List.of(), BigDecimal.ZERO).withLines(List.of(lines));
    }

    @Test
    void theKindsTouchOnlyTheirAspectsAsTheSeedsSay() {
        var m = ChangeAspects.SEEDS_DEFAULT;
        assertThat(ChangeAspects.touched(List.of(ChangeKind.QUANTITY), m))
                .containsExactlyInAnyOrder(ReviewAspect.QUANTITY_PRICE_PAYMENT, ReviewAspect.PAYMENT_CREDIT);
        assertThat(ChangeAspects.touched(List.of(ChangeKind.DELIVERY_DATE), m))
                .containsExactly(ReviewAspect.CAPACITY_DELIVERY);
        assertThat(ChangeAspects.touched(List.of(ChangeKind.STRUCTURE_SPEC), m)).containsExactlyInAnyOrder(
                ReviewAspect.STANDARDS_PARAMETERS, ReviewAspect.PROCESS_CAPABILITY, ReviewAspect.INSPECTION_ACCEPTANCE);
        assertThat(ChangeAspects.touched(List.of(ChangeKind.MATERIAL), m)).containsExactly(ReviewAspect.MATERIALS);
        assertThat(ChangeAspects.touched(List.of(ChangeKind.TERMINATION), m)).containsExactlyInAnyOrder(
                ReviewAspect.TERMINATION, ReviewAspect.CAPACITY_DELIVERY, ReviewAspect.PAYMENT_CREDIT);
        assertThat(ChangeAspects.touched(List.of(ChangeKind.PRICE, ChangeKind.DELIVERY_DATE), m))
                .as("the union, each aspect once").containsExactlyInAnyOrder(ReviewAspect.QUANTITY_PRICE_PAYMENT,
                        ReviewAspect.PAYMENT_CREDIT, ReviewAspect.CAPACITY_DELIVERY);
        assertThat(ChangeAspects.touched(List.of(ChangeKind.QUANTITY), java.util.Map.of()))
                .as("an unconfigured kind touches nothing").isEmpty();
    }

    @Test
    void theDiffNamesEachChangedFieldAndLineWithOldAndNewValues() {
        ContractTerms v1 = terms(TODAY.plusDays(20), "月结30天", line(1, "纸箱A", "1200", "3.40"),
                line(2, "纸箱B", "100", "2.00"));
        ContractTerms v2 = terms(TODAY.plusDays(30), "月结30天", line(1, "纸箱A", "1500", "3.40"),
                line(2, "纸箱B", "100", "2.00"), line(3, "隔板", "50", "0.50"));
        var diff = ContractDiff.between(v1, v2);
        assertThat(diff).extracting(e -> e.field() + ":" + e.change() + ":" + e.before() + ":" + e.after())
                .containsExactly("deliveryDate:CHANGED:" + TODAY.plusDays(20) + ":" + TODAY.plusDays(30),
                        "lines[1].quantity:CHANGED:1200:1500", "lines[1].amount:CHANGED:4080.00:5100.00",
                        "lines[3]:ADDED:null:隔板 500x300 × 50 只 @ 0.50", "totalAmount:CHANGED:4280.00:5325.00");
        assertThat(diff.get(1).text().code()).isEqualTo("contract.diff.line-changed");
        assertThat(ContractDiff.impliedKinds(diff)).containsExactlyInAnyOrder(ChangeKind.DELIVERY_DATE,
                ChangeKind.QUANTITY);
        var back = ContractDiff.between(v2, v1);
        assertThat(back).extracting(ContractDiff.Entry::change).contains("REMOVED");
        assertThat(ContractDiff.between(v1, v1)).as("no difference").isEmpty();
        ContractTerms priced = terms(TODAY.plusDays(20), "货到付款", line(1, "纸箱A", "1200", "3.50"),
                line(2, "纸箱B-改", "100", "2.00"));
        assertThat(ContractDiff.impliedKinds(ContractDiff.between(v1, priced))).containsExactlyInAnyOrder(
                ChangeKind.PRICE, ChangeKind.STRUCTURE_SPEC);
        assertThat(ContractDiff.between(v1, terms(TODAY.plusDays(20), "月结30天", line(1, "纸箱A", "1200.000", "3.4"),
                line(2, "纸箱B", "100", "2"))))
                .as("1200.000 is 1200: numbers compare by value").isEmpty();
    }

    @Test
    void aChangeIsAcceptedIntoTheNextRevisionOrRejectedAndThenDecidedOnce() {
        Instant now = Instant.now(CLOCK);
        ContractChange c = ContractChange.request("BGSQ2026-000001", 7, 1, List.of(ChangeKind.QUANTITY),
                ResolutionMethod.PHONE, TODAY, "王经理", "加量", null, "{}", new Contract.Actor(1, "sales"), now);
        assertThat(c.getStatus()).isEqualTo(ChangeStatus.UNDER_REVIEW);
        c.accepted("HTBG2026-000001", "ctrprod", null, now.plusSeconds(60));
        assertThat(c.getStatus()).isEqualTo(ChangeStatus.ACCEPTED);
        assertThat(c.getRevision()).isEqualTo(2);
        assertThat(c.getNoticeIssuedAt()).isEqualTo(now.plusSeconds(60));
        assertThatThrownBy(() -> c.rejected("x", "late", now)).isInstanceOf(DomainException.class);

        ContractChange t = ContractChange.request("BGSQ2026-000002", 7, 2, List.of(ChangeKind.TERMINATION),
                ResolutionMethod.MAIL, TODAY, "李总", "解除", "项目取消", "{}", new Contract.Actor(1, "sales"), now);
        assertThat(t.isTermination()).isTrue();
        t.rejected("ctrfin", "尚有欠款", now);
        assertThat(t.getStatus()).isEqualTo(ChangeStatus.REJECTED);
        assertThat(t.getRevision()).as("a rejected change makes no revision").isNull();
        assertThat(t.getDecisionComment()).isEqualTo("尚有欠款");
    }
}
