package com.careloop.customer.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.careloop.customer.Segment;
import com.careloop.customer.segment.SegmentRules.Rfm;
import com.careloop.customer.segment.SegmentRules.Rule;
import com.careloop.customer.segment.SegmentRules.YearFigures;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFM segmentation with hand-computed figures, on a fixed day (1 December 2026, Shanghai). */
class SegmentRulesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private static final LocalDate TODAY = LocalDate.now(CLOCK);

    /** The defaults of V6. */
    private static final List<Rule> DEFAULTS = List.of(
            new Rule(Segment.GOOD, 40, new BigDecimal("50000"), 2, 180),
            new Rule(Segment.BIG_ACCOUNT, 10, new BigDecimal("1000000"), 0, 365),
            new Rule(Segment.LOYAL, 30, BigDecimal.ZERO, 12, 90),
            new Rule(Segment.MAIN_ACCOUNT, 20, new BigDecimal("300000"), 6, 180));

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void theTrailingTwelveMonthsTakeThisYearInFullAndTheShareOfLastYearInTheWindow() {
        // window 2025-12-02 .. 2026-12-01: 30 of 2025's 365 days; 2024 lies outside
        Rfm rfm = SegmentRules.rfm(List.of(
                new YearFigures(2024, d("999999"), 99, LocalDate.of(2024, 12, 30)),
                new YearFigures(2025, d("365000"), 73, LocalDate.of(2025, 12, 20)),
                new YearFigures(2026, d("100000"), 4, LocalDate.of(2026, 11, 1))), TODAY);
        assertThat(rfm.revenue()).isEqualByComparingTo("130000.00"); // 100000 + 365000 * 30/365
        assertThat(rfm.orders()).isEqualByComparingTo("10.00");      // 4 + 73 * 30/365 = 4 + 6
        assertThat(rfm.recencyDays()).isEqualTo(30);                  // 1 Nov -> 1 Dec
    }

    @Test
    void onNewYearsDayAlmostAllOfLastYearCounts() {
        Rfm rfm = SegmentRules.rfm(List.of(new YearFigures(2025, d("365000"), 0, null)), LocalDate.of(2026, 1, 1));
        assertThat(rfm.revenue()).isEqualByComparingTo("364000.00"); // 364 of 365 days (2025-01-02 .. 2025-12-31)
        assertThat(rfm.recencyDays()).isNull();
    }

    @Test
    void aCustomerWithoutFiguresHasNothingAndNoSegment() {
        Rfm rfm = SegmentRules.rfm(List.of(), TODAY);
        assertThat(rfm).isEqualTo(new Rfm(d("0.00"), d("0.00"), null));
        assertThat(SegmentRules.evaluate(DEFAULTS, rfm)).isEmpty();
    }

    @ParameterizedTest(name = "revenue {0}, orders {1}, recency {2} -> {3}")
    @CsvSource(nullValues = "-", value = {
            "1000000.00, 0, 365, BIG_ACCOUNT",   // exactly on the big-account thresholds
            "999999.99, 6, 10, MAIN_ACCOUNT",    // a cent short of big: main account
            "1000000.00, 20, 366, -",            // big, but over a year since the last order: no rule holds
            "1000000.00, 6, 180, BIG_ACCOUNT",   // meets main too: the lower priority number wins
            "300000.00, 5, 10, GOOD",            // one order short of main
            "300000.00, 6, 181, -",              // too long ago for main and good, too few orders for loyal
            "20000.00, 12, 90, LOYAL",           // frequent and recent, small
            "20000.00, 12, 91, -",
            "60000.00, 12, 30, LOYAL",           // loyal (priority 30) wins over good (40)
            "50000.00, 2, 180, GOOD",
            "49999.99, 2, 180, -",
            "5000000.00, 50, -, -"})             // never ordered: no rule with a recency limit matches
    void theFirstMatchingRuleByPriorityWins(BigDecimal revenue, BigDecimal orders, Integer recency, Segment expected) {
        assertThat(SegmentRules.evaluate(DEFAULTS, new Rfm(revenue, orders, recency)).orElse(null)).isEqualTo(expected);
    }

    @Test
    void aRuleWithoutRecencyLimitMatchesCustomersWhoNeverOrdered() {
        var rules = List.of(new Rule(Segment.GOOD, 1, d("100"), 0, null));
        assertThat(SegmentRules.evaluate(rules, new Rfm(d("100.00"), d("0"), null))).contains(Segment.GOOD);
        assertThat(SegmentRules.evaluate(rules, new Rfm(d("99.99"), d("0"), null))).isEmpty();
    }

    @Test
    void fractionalOrdersFromLastYearCountTowardsTheMinimum() {
        // 2 orders this year + 36 * 30/365 = 2.96 from last year's December share: just short of 5
        Rfm rfm = SegmentRules.rfm(List.of(new YearFigures(2025, d("0"), 36, null),
                new YearFigures(2026, d("0"), 2, TODAY)), TODAY);
        assertThat(rfm.orders()).isEqualByComparingTo("4.96");
        assertThat(rfm.recencyDays()).isZero();
        var rules = List.of(new Rule(Segment.LOYAL, 1, BigDecimal.ZERO, 5, null));
        assertThat(SegmentRules.evaluate(rules, rfm)).isEmpty();
    }
}
