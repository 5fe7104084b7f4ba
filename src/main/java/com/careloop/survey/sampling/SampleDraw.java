package com.careloop.survey.sampling;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The reproducible draw of a campaign's sample (pure; no database, no clock).
 * <ol>
 * <li>Units taken in full (the distributors: "always surveyed in full") are all in the sample; the table of
 * {@link SampleSize} applies to the others (N' = N - distributors, n = distributors + n(N')).</li>
 * <li>Unstratified: {@code java.util.Random(seed)}, a Fisher-Yates shuffle of the others ordered by customer
 * id, stopped after n(N') steps; the first n(N') units are the sample. The same seed and population give the
 * same sample on every run and every JVM (Random's algorithm is specified by the JDK).</li>
 * <li>Stratified: n(N') is allocated to the strata in proportion to their sizes by the largest-remainder
 * method (floors first; the remaining units go to the largest fractional parts, ties to the larger stratum,
 * then the stratum key), so the allocations sum to n(N') exactly; when n(N') is at least the number of
 * non-empty strata every non-empty stratum gets at least one (taken from the stratum with the largest
 * allocation). Each stratum, in key order, is then drawn as above with the one Random(seed).</li>
 * </ol>
 */
public final class SampleDraw {

    /** A member of the population; {@code stratum} null when the draw is not stratified. */
    public record Unit(long id, boolean takenInFull, String stratum) {
    }

    public record Stratum(String key, int population, int sample) {
    }

    /**
     * @param population N (all units)
     * @param inFull     the units taken in full (distributors)
     * @param rule       the table applied to the others
     * @param sampleSize n = inFull + rule.size
     * @param drawn      the sampled ids, ascending
     */
    public record Result(int population, int inFull, SampleSize rule, int sampleSize, List<Stratum> strata,
                         List<Long> drawn, long seed) {
    }

    public static final String NO_STRATUM = "-";

    private SampleDraw() {
    }

    public static Result draw(List<Unit> units, BigDecimal chosenFraction, long seed, boolean stratified) {
        List<Unit> sorted = new ArrayList<>(units);
        sorted.sort(Comparator.comparingLong(Unit::id));
        List<Long> drawn = new ArrayList<>();
        List<Unit> others = new ArrayList<>();
        for (Unit u : sorted) {
            if (u.takenInFull()) {
                drawn.add(u.id());
            } else {
                others.add(u);
            }
        }
        int inFull = drawn.size();
        SampleSize rule = SampleSize.of(others.size(), chosenFraction);
        Random random = new Random(seed);
        List<Stratum> strata = new ArrayList<>();
        if (stratified) {
            Map<String, List<Unit>> byStratum = new TreeMap<>();
            for (Unit u : others) {
                byStratum.computeIfAbsent(u.stratum() == null ? NO_STRATUM : u.stratum(), k -> new ArrayList<>()).add(u);
            }
            List<String> keys = new ArrayList<>(byStratum.keySet());
            int[] sizes = keys.stream().mapToInt(k -> byStratum.get(k).size()).toArray();
            int[] quota = allocate(rule.size(), sizes, keys);
            for (int i = 0; i < keys.size(); i++) {
                drawn.addAll(firstOfShuffle(byStratum.get(keys.get(i)), quota[i], random));
                strata.add(new Stratum(keys.get(i), sizes[i], quota[i]));
            }
        } else {
            drawn.addAll(firstOfShuffle(others, rule.size(), random));
        }
        drawn.sort(null);
        return new Result(sorted.size(), inFull, rule, inFull + rule.size(), List.copyOf(strata), List.copyOf(drawn), seed);
    }

    /** Fisher-Yates over {@code units} (ordered by id), stopped after {@code k} swaps: the first k are the draw. */
    static List<Long> firstOfShuffle(List<Unit> units, int k, Random random) {
        long[] ids = units.stream().mapToLong(Unit::id).toArray();
        int size = ids.length;
        List<Long> out = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(size - i);
            long t = ids[i];
            ids[i] = ids[j];
            ids[j] = t;
            out.add(ids[i]);
        }
        return out;
    }

    /**
     * Proportional allocation of {@code n} over strata of {@code sizes} (largest remainder, see the class
     * comment); {@code keys} break the last ties. The result sums to n and never exceeds a stratum's size.
     */
    public static int[] allocate(int n, int[] sizes, List<String> keys) {
        long total = 0;
        for (int s : sizes) {
            total += s;
        }
        int[] quota = new int[sizes.length];
        if (n == 0 || total == 0) {
            return quota;
        }
        long[] remainder = new long[sizes.length];
        int given = 0;
        for (int i = 0; i < sizes.length; i++) {
            long exact = (long) n * sizes[i];
            quota[i] = (int) (exact / total);
            remainder[i] = exact % total;
            given += quota[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingLong(i -> -remainder[i]).thenComparingInt(i -> -sizes[i])
                .thenComparing(keys::get));
        for (int k = 0; given < n; k++) {
            int i = order.get(k % order.size());
            if (quota[i] < sizes[i]) {
                quota[i]++;
                given++;
            }
        }
        int nonEmpty = 0;
        for (int s : sizes) {
            nonEmpty += s > 0 ? 1 : 0;
        }
        if (n >= nonEmpty) {
            for (int i = 0; i < sizes.length; i++) {
                if (sizes[i] > 0 && quota[i] == 0) {
                    int largest = 0;
                    for (int j = 1; j < sizes.length; j++) {
                        if (quota[j] > quota[largest]) {
                            largest = j;
                        }
                    }
                    quota[largest]--;
                    quota[i]++;
                }
            }
        }
        return quota;
    }
}
