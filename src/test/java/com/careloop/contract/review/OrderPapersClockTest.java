package com.careloop.contract.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import com.careloop.contract.ContractClass;
import com.careloop.platform.InvalidInputException;

import org.junit.jupiter.api.Test;

/**
 * The dates of the order confirmation and the production task notice on a fixed company clock (Asia/Shanghai, just
 * after midnight local time, when UTC is still the day before): "agreed on" may be today but not tomorrow in company
 * time; the link's last day is kept as issued; the customer's answer and the notice carry the clock's instant, and the
 * notice keeps the contract's required delivery date as it was at issue.
 */
class OrderPapersClockTest {

    /** 2026-12-08 00:30 in Shanghai = 2026-12-07 16:30 UTC. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T16:30:00Z"), ZoneId.of("Asia/Shanghai"));
    static final LocalDate TODAY = LocalDate.now(CLOCK);

    @Test
    void theCompanyDayIsTheClocksDayInShanghaiNotUtc() {
        assertThat(TODAY).isEqualTo(LocalDate.of(2026, 12, 8));
    }

    @Test
    void anOralOrderAgreedTodayIsAcceptedAndOneAgreedTomorrowIsRefusedNamingTheField() {
        OrderConfirmation o = OrderConfirmation.prepare("DDQR2026-000001", 1L, ContractTest.SALES, CLOCK.instant());
        assertThatThrownBy(() -> o.agreed("王经理", TODAY.plusDays(1), "5000只", null, "zh-CN", TODAY))
                .isInstanceOf(InvalidInputException.class).extracting(e -> ((InvalidInputException) e).field())
                .isEqualTo("agreedOn");
        o.agreed("王经理", TODAY, "5000只", null, "zh-CN", TODAY);
        assertThat(o.getAgreedOn()).isEqualTo(TODAY);
    }

    @Test
    void theLinksLastDayIsKeptAndTheCustomersAnswerCarriesTheClocksInstant() {
        OrderConfirmation o = OrderConfirmation.prepare("DDQR2026-000002", 1L, ContractTest.SALES, CLOCK.instant());
        o.agreed("王经理", TODAY.minusDays(1), "5000只", null, "zh-CN", TODAY);
        o.linkIssued(9L, TODAY.plusDays(14));
        assertThat(o.getLinkExpiresOn()).isEqualTo(LocalDate.of(2026, 12, 22));
        Instant later = CLOCK.instant().plus(Duration.ofDays(3));
        o.answeredByCustomer(true, null, later);
        assertThat(o.isConfirmed()).isTrue();
        assertThat(o.getAnsweredAt()).isEqualTo(later);
    }

    @Test
    void theNoticeIsDatedByTheClockAndKeepsTheRequiredDeliveryDateOfTheContract() {
        Contract c = ContractTest.contract(ContractClass.REGULAR, ContractTest.line("100", "2.50"));
        org.springframework.test.util.ReflectionTestUtils.setField(c, "id", 42L);
        ProductionNotice n = ProductionNotice.issue("SCTZ2026-000001", c, "[]", "业务经理", CLOCK.instant());
        assertThat(n.getIssuedAt()).isEqualTo(Instant.parse("2026-12-07T16:30:00Z"));
        assertThat(n.getDeliveryDate()).isEqualTo(c.getDeliveryDate()).isEqualTo(ContractTest.TODAY.plusDays(10));
    }
}
