package com.careloop.customer.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The 三包 terms and the warranty end computed from them. */
class PurchaseWarrantyTest {

    @Test
    void theThreeGuaranteesAreReadFromTheSlipsWording() {
        WarrantyTerms t = WarrantyTerms.parse("包修1年 包换3个月 包退7天");
        assertThat(t.repair()).isEqualTo(Period.ofYears(1));
        assertThat(t.replacement()).isEqualTo(Period.ofMonths(3));
        assertThat(t.returns()).isEqualTo(Period.ofDays(7));
        assertThat(WarrantyTerms.parse("包換15日，保修 2 年")).isEqualTo(new WarrantyTerms(Period.ofYears(2), Period.ofDays(15), null));
        assertThat(WarrantyTerms.parse("repair 18m, return 7d")).isEqualTo(new WarrantyTerms(Period.ofMonths(18), null, Period.ofDays(7)));
        assertThat(WarrantyTerms.parse("质量问题包换30天").repair()).isNull();
        assertThat(WarrantyTerms.parse(null)).isEqualTo(new WarrantyTerms(null, null, null));
    }

    @ParameterizedTest(name = "{0} sold {1} delivered {2} -> {3}")
    @CsvSource({
            // the start day is the first day of the warranty
            "包修1年, 2026-03-15, , 2027-03-14",
            // it runs from the delivery when there is one
            "包修1年, 2026-03-15, 2026-04-01, 2027-03-31",
            "包修6个月, 2026-08-31, , 2027-02-27",
            "包修90天, 2026-01-01, , 2026-03-31",
            // 29 February + 1 year: 28 February is the anniversary, the day before ends it
            "包修1年, 2028-02-29, , 2029-02-27",
            // no repair period: no computed end
            "包换3个月, 2026-03-15, , "})
    void theWarrantyEnd(String terms, LocalDate sale, LocalDate delivery, LocalDate expected) {
        assertThat(WarrantyTerms.parse(terms).repairEnd(sale, delivery)).isEqualTo(expected);
    }

    @Test
    void anEnteredWarrantyEndWinsOverTheTerms() {
        var sale = new Purchase.Sale("空调", null, null, null, LocalDate.of(2026, 3, 15), null, "包修1年",
                LocalDate.of(2029, 3, 14));
        assertThat(Purchase.of(1, sale, PurchaseSource.MANUAL, null, java.time.Instant.EPOCH).auditState())
                .containsEntry("warrantyEnd", LocalDate.of(2029, 3, 14));
        var computed = new Purchase.Sale("空调", null, null, null, LocalDate.of(2026, 3, 15), null, "包修1年", null);
        assertThat(Purchase.of(1, computed, PurchaseSource.MANUAL, null, java.time.Instant.EPOCH).auditState())
                .containsEntry("warrantyEnd", LocalDate.of(2027, 3, 14));
    }
}
