package com.careloop.customer.revenue;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import com.careloop.customer.revenue.RevenueShares.Entry;
import com.careloop.customer.revenue.RevenueShares.Ranked;

import org.junit.jupiter.api.Test;

/** The 70% rule with hand-computed cases. */
class RevenueSharesTest {

    private static Entry e(long id, String code, String amount) {
        return new Entry(id, code, new BigDecimal(amount));
    }

    private static List<String> marked(List<Ranked> ranked) {
        return ranked.stream().filter(Ranked::marked).map(r -> r.entry().code()).toList();
    }

    @Test
    void theCustomerCrossingSeventyPercentIsIncluded() {
        // total 1000: A 500 (50%), B 300 (80% cumulative, crosses 70%), C 200
        var ranked = RevenueShares.rank(List.of(e(3, "C", "200"), e(1, "A", "500"), e(2, "B", "300")),
                RevenueShares.SEVENTY_PERCENT);
        assertThat(ranked).extracting(r -> r.entry().code()).containsExactly("A", "B", "C");
        assertThat(marked(ranked)).containsExactly("A", "B");
        assertThat(ranked.get(0).share()).isEqualByComparingTo("0.5");
        assertThat(ranked.get(1).share()).isEqualByComparingTo("0.3");
        assertThat(ranked.get(1).cumulativeShare()).isEqualByComparingTo("0.8");
        assertThat(ranked.get(2).cumulativeShare()).isEqualByComparingTo("1");
        assertThat(ranked).extracting(Ranked::rank).containsExactly(1, 2, 3);
    }

    @Test
    void exactlySeventyPercentStopsTheMarkAtThatCustomer() {
        // A 400 + B 300 = 700 of 1000, exactly 70%: A and B are in, C (the next) is out
        var ranked = RevenueShares.rank(List.of(e(1, "A", "400"), e(2, "B", "300"), e(3, "C", "200"), e(4, "D", "100")),
                RevenueShares.SEVENTY_PERCENT);
        assertThat(marked(ranked)).containsExactly("A", "B");
        assertThat(ranked.get(1).cumulativeShare()).isEqualByComparingTo("0.7");
    }

    @Test
    void tiesAreRankedByCustomerCode() {
        // four customers of 250 each: 25%, 50%, 75% crosses -> the first three by code
        var ranked = RevenueShares.rank(List.of(e(1, "KH-D", "250"), e(2, "KH-B", "250"), e(3, "KH-A", "250"),
                e(4, "KH-C", "250")), RevenueShares.SEVENTY_PERCENT);
        assertThat(ranked).extracting(r -> r.entry().code()).containsExactly("KH-A", "KH-B", "KH-C", "KH-D");
        assertThat(marked(ranked)).containsExactly("KH-A", "KH-B", "KH-C");
    }

    @Test
    void customersWithoutRevenueAreNeverMarked() {
        var ranked = RevenueShares.rank(List.of(e(1, "A", "100"), e(2, "B", "0"), e(3, "C", "0.00")), BigDecimal.ONE);
        assertThat(marked(ranked)).containsExactly("A");
        assertThat(ranked.get(1).share()).isEqualByComparingTo("0");
    }

    @Test
    void aYearWhereNobodyHasRevenueMarksNobody() {
        var ranked = RevenueShares.rank(List.of(e(1, "A", "0"), e(2, "B", "0")), RevenueShares.SEVENTY_PERCENT);
        assertThat(marked(ranked)).isEmpty();
        assertThat(ranked).allSatisfy(r -> assertThat(r.cumulativeShare()).isEqualByComparingTo("0"));
    }

    @Test
    void anEmptyYearHasAnEmptyRanking() {
        assertThat(RevenueShares.rank(List.of(), RevenueShares.SEVENTY_PERCENT)).isEmpty();
    }

    @Test
    void oneBigCustomerAloneMakesUpSeventyPercent() {
        // A alone is 90%: only A
        var ranked = RevenueShares.rank(List.of(e(1, "A", "900.50"), e(2, "B", "50.25"), e(3, "C", "49.25")),
                RevenueShares.SEVENTY_PERCENT);
        assertThat(marked(ranked)).containsExactly("A");
        assertThat(ranked.get(0).share()).isEqualByComparingTo("0.9005");
    }
}
