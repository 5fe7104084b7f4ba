package com.careloop.customer.revenue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The revenue ranking rule, without a database: customers by amount (highest first, ties by code),
 * each with its share and the cumulative share, and the mark of those that together make up the
 * target share. A customer is marked when the revenue ranked before it is still below the target,
 * so the one crossing the line is in and, at exactly the line, the next one is out. Customers
 * without revenue (zero) are never marked.
 */
public final class RevenueShares {

    /** The share of the procedures: customers making up 70% of revenue. */
    public static final BigDecimal SEVENTY_PERCENT = new BigDecimal("0.70");

    public record Entry(long customerId, String code, BigDecimal amount) {
    }

    public record Ranked(int rank, Entry entry, BigDecimal share, BigDecimal cumulativeShare, boolean marked) {
    }

    private RevenueShares() {
    }

    public static List<Ranked> rank(List<Entry> entries, BigDecimal target) {
        List<Entry> sorted = entries.stream()
                .sorted(Comparator.comparing(Entry::amount).reversed().thenComparing(Entry::code)).toList();
        BigDecimal total = sorted.stream().map(Entry::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        // compare sums, not rounded ratios: before < target × total is exact
        BigDecimal line = total.multiply(target);
        List<Ranked> ranked = new ArrayList<>(sorted.size());
        BigDecimal before = BigDecimal.ZERO;
        for (Entry e : sorted) {
            BigDecimal after = before.add(e.amount());
            boolean marked = e.amount().signum() > 0 && before.compareTo(line) < 0;
            ranked.add(new Ranked(ranked.size() + 1, e, ratio(e.amount(), total), ratio(after, total), marked));
            before = after;
        }
        return ranked;
    }

    private static BigDecimal ratio(BigDecimal part, BigDecimal total) {
        return total.signum() == 0 ? BigDecimal.ZERO.setScale(4) : part.divide(total, 4, RoundingMode.HALF_UP);
    }
}
