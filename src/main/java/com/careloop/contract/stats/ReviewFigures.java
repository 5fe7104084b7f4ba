package com.careloop.contract.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * The statistic rules of contract review (issue 16 item 12), free of Spring so they are unit-tested with fixed
 * instants: a signature is on time when decided no later than its deadline; a review's time is the counted time
 * (working hours on the business calendar) from submission to the signature; rates are rounded half-up to 0.1 %.
 */
public final class ReviewFigures {

    private ReviewFigures() {
    }

    /** One decided countersign task of a contract review. */
    public record Signature(String aspect, Instant submittedAt, Instant decidedAt, Instant dueAt) {
        /** Signed within its deadline (a task without deadline counts as on time). */
        public boolean onTime() {
            return dueAt == null || !decidedAt.isAfter(dueAt);
        }
    }

    public record AspectTime(String aspect, long signatures, long onTime, BigDecimal averageHours) {
    }

    /** Percentage part/whole, one decimal, half-up; null when there is nothing to count. */
    public static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    /**
     * Per aspect (the matrix assigns each aspect to one reviewing department): signatures, on time, average counted
     * hours from submission to signature ({@code counted} e.g. the business calendar's working hours).
     */
    public static List<AspectTime> byAspect(List<Signature> signatures, BiFunction<Instant, Instant, Duration> counted) {
        Map<String, long[]> sums = new TreeMap<>();
        for (Signature s : signatures) {
            long[] a = sums.computeIfAbsent(s.aspect() == null ? "-" : s.aspect(), k -> new long[3]);
            a[0]++;
            a[1] += s.onTime() ? 1 : 0;
            a[2] += counted.apply(s.submittedAt(), s.decidedAt()).toMinutes();
        }
        List<AspectTime> out = new ArrayList<>();
        sums.forEach((aspect, a) -> out.add(new AspectTime(aspect, a[0], a[1],
                BigDecimal.valueOf(a[2]).divide(BigDecimal.valueOf(a[0] * 60L), 1, RoundingMode.HALF_UP))));
        return out;
    }

    public static long onTime(List<Signature> signatures) {
        return signatures.stream().filter(Signature::onTime).count();
    }
}
