package com.careloop.customer.segment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.careloop.customer.Segment;

/**
 * Segmentation by RFM over the trailing 12 months: monetary (revenue), frequency (orders) and
 * recency (days since the last order). Pure: no Spring, no database, the day passed in.
 *
 * <p>Revenue is kept per calendar year (customer_revenue), the current year holding the year to
 * date. The trailing 12 months ending {@code today} are therefore the current year in full plus
 * the previous year weighted by the share of its days that fall in the window (after the same
 * day one year ago): on 1 December 2026, 30 of 2025's 365 days.
 */
public final class SegmentRules {

    /** A rule: all three thresholds must hold; {@code maxRecencyDays} null means "any recency". */
    public record Rule(Segment segment, int priority, BigDecimal minRevenue, int minOrders, Integer maxRecencyDays) {
    }

    /** One year's figures of a customer. */
    public record YearFigures(int year, BigDecimal amount, int orders, LocalDate lastOrderDate) {
    }

    /** The trailing-12-months RFM figures; {@code recencyDays} null when the customer never ordered. */
    public record Rfm(BigDecimal revenue, BigDecimal orders, Integer recencyDays) {
    }

    private SegmentRules() {
    }

    public static Rfm rfm(List<YearFigures> years, LocalDate today) {
        int current = today.getYear();
        LocalDate windowStart = today.minusYears(1).plusDays(1);
        int previousYearDays = windowStart.lengthOfYear();
        long daysOfPreviousInWindow = windowStart.getYear() < current
                ? ChronoUnit.DAYS.between(windowStart, LocalDate.of(current, 1, 1)) : 0;
        BigDecimal share = BigDecimal.valueOf(daysOfPreviousInWindow)
                .divide(BigDecimal.valueOf(previousYearDays), 10, RoundingMode.HALF_UP);
        BigDecimal revenue = BigDecimal.ZERO;
        BigDecimal orders = BigDecimal.ZERO;
        LocalDate last = null;
        for (YearFigures y : years) {
            BigDecimal weight = y.year() == current ? BigDecimal.ONE : y.year() == current - 1 ? share : BigDecimal.ZERO;
            revenue = revenue.add(y.amount().multiply(weight));
            orders = orders.add(BigDecimal.valueOf(y.orders()).multiply(weight));
            if (y.lastOrderDate() != null && !y.lastOrderDate().isAfter(today)
                    && (last == null || y.lastOrderDate().isAfter(last))) {
                last = y.lastOrderDate();
            }
        }
        return new Rfm(revenue.setScale(2, RoundingMode.HALF_UP), orders.setScale(2, RoundingMode.HALF_UP),
                last == null ? null : (int) ChronoUnit.DAYS.between(last, today));
    }

    /** The first rule by priority that the figures meet; none: no segment. */
    public static Optional<Segment> evaluate(List<Rule> rules, Rfm rfm) {
        return rules.stream().sorted(Comparator.comparingInt(Rule::priority))
                .filter(r -> matches(r, rfm)).map(Rule::segment).findFirst();
    }

    static boolean matches(Rule r, Rfm rfm) {
        boolean recent = r.maxRecencyDays() == null
                || (rfm.recencyDays() != null && rfm.recencyDays() <= r.maxRecencyDays());
        return rfm.revenue().compareTo(r.minRevenue()) >= 0
                && rfm.orders().compareTo(BigDecimal.valueOf(r.minOrders())) >= 0
                && recent;
    }
}
