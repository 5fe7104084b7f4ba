package com.careloop.complaint.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.careloop.complaint.stats.StatsViews.ParetoRow;

/** The arithmetic of the statistics, kept pure so the figures can be checked by hand. */
final class StatsMath {

    /** The Pareto's vital few: the causes up to and including the one where the cumulative share reaches 80 %. */
    static final double VITAL_FEW = 0.8;
    static final double HOURS_PER_DAY = 24.0;

    private StatsMath() {
    }

    /** A part of a whole as a fraction; {@code null} when the whole is 0 (nothing to measure). */
    static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    /** Per 1,000 of a denominator; {@code null} when the denominator is 0 (unknown). */
    static Double perThousand(long count, long denominator) {
        return denominator == 0 ? null : count * 1000.0 / denominator;
    }

    /**
     * The 90th percentile with linear interpolation between the two nearest ranks (as SQL {@code percentile_cont(0.9)}),
     * in days, of durations given as whole hours -> how many (exact to the hour: the rollup keeps whole hours);
     * {@code null} when there are none.
     */
    static Double p90Days(Map<Long, Long> hours) {
        long n = hours.values().stream().mapToLong(Long::longValue).sum();
        if (n == 0) {
            return null;
        }
        double position = 0.9 * (n - 1);
        long lower = (long) Math.floor(position);
        long upper = (long) Math.ceil(position);
        Long low = null;
        Long high = null;
        long seen = 0;
        for (Map.Entry<Long, Long> e : new java.util.TreeMap<>(hours).entrySet()) {
            seen += e.getValue();
            if (low == null && seen > lower) {
                low = e.getKey();
            }
            if (seen > upper) {
                high = e.getKey();
                break;
            }
        }
        return (low + (position - lower) * (high - low)) / HOURS_PER_DAY;
    }

    /**
     * The months a period [from, to] reads from the rollup, as [first day, first day after): the whole months, and
     * a partial month at either end too when fewer of its days (up to today: later days have no complaints) lie
     * outside the period than inside; the complaints of those days are then taken off the month instead of the
     * others counted from their rows. No month from the rollup: {end, end} with end = to + 1 day.
     */
    static LocalDate[] rolledSpan(LocalDate from, LocalDate to, LocalDate today) {
        LocalDate end = to.plusDays(1);
        LocalDate first = from.withDayOfMonth(1);
        LocalDate last = to.withDayOfMonth(1);
        LocalDate rollFrom;
        LocalDate rollTo;
        if (first.equals(last)) {
            boolean whole = from.equals(first) && end.equals(first.plusMonths(1));
            boolean takeOff = days(first, from, today) + days(end, first.plusMonths(1), today) < days(from, end, today);
            rollFrom = first;
            rollTo = whole || takeOff ? first.plusMonths(1) : first;
        } else {
            rollFrom = from.equals(first) || days(first, from, today) < days(from, first.plusMonths(1), today)
                    ? first : first.plusMonths(1);
            rollTo = end.equals(last.plusMonths(1)) || days(end, last.plusMonths(1), today) < days(last, end, today)
                    ? last.plusMonths(1) : last;
        }
        return rollFrom.isBefore(rollTo) ? new LocalDate[] {rollFrom, rollTo} : new LocalDate[] {end, end};
    }

    /** The days of [start, end) up to and including today. */
    private static long days(LocalDate start, LocalDate end, LocalDate today) {
        LocalDate stop = end.isAfter(today.plusDays(1)) ? today.plusDays(1) : end;
        return Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(start, stop));
    }

    /** Causes sorted by count (largest first, ties by name), with share, cumulative share and the vital few. */
    static List<ParetoRow> pareto(Map<String, Long> counts) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.entrySet());
        sorted.removeIf(e -> e.getValue() == 0);
        sorted.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        List<ParetoRow> rows = new ArrayList<>();
        long running = 0;
        double before = 0;
        for (Map.Entry<String, Long> e : sorted) {
            running += e.getValue();
            double cumulative = (double) running / total;
            rows.add(new ParetoRow(e.getKey(), e.getValue(), (double) e.getValue() / total, cumulative,
                    before < VITAL_FEW - 1e-12));
            before = cumulative;
        }
        return rows;
    }
}
