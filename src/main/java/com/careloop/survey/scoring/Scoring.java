package com.careloop.survey.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.careloop.survey.template.Method;
import com.careloop.survey.template.Scale;

/**
 * The survey formulas of SPEC §7 and QP-005 §5.8, pure and exact (BigDecimal). Results are rounded once, at the end,
 * to 2 decimals HALF_UP; the respondent's normalised total is rounded when it is computed (it is stored and shown
 * so), and the SCORE method averages those stored values.
 * <ul>
 * <li>item: average points = sum of points / answers; satisfaction rate = satisfied answers / answers x 100;</li>
 * <li>respondent: normalised = sum of points / sum of the maximum points of the items answered x 100; class A when
 * >= threshold A, B when >= threshold B, else C;</li>
 * <li>overall SCORE = mean of the respondents' normalised totals; RATE = satisfied answers over all items / all
 * answers x 100;</li>
 * <li>dimension figure: SCORE = the dimension's points / its maximum points of the answers x 100 (the dimension
 * scored as one pooled questionnaire); RATE = the dimension's satisfied answers / its answers x 100;</li>
 * <li>weighted index = sum(weight x figure) / sum(weights) over the dimensions that have answers (= / 100 when all
 * have);</li>
 * <li>adjusted = raw + complaints x step + fault opinions x step + praises x step (percentage points).</li>
 * </ul>
 */
public final class Scoring {

    public static final int DECIMALS = 2;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private Scoring() {
    }

    /** One respondent's total, maximum, normalised total and class over the items answered (skipped ones count not). */
    public static RespondentScore respondent(Scale scale, Collection<Integer> ratings, BigDecimal thresholdA,
                                             BigDecimal thresholdB) {
        if (ratings.isEmpty()) {
            throw new IllegalArgumentException("nothing rated");
        }
        BigDecimal total = BigDecimal.ZERO;
        for (int r : ratings) {
            total = total.add(scale.points(r));
        }
        BigDecimal max = scale.maxPoints().multiply(BigDecimal.valueOf(ratings.size()));
        BigDecimal normalised = percent(total, max);
        return new RespondentScore(total.setScale(DECIMALS), max.setScale(DECIMALS), normalised,
                classify(normalised, thresholdA, thresholdB));
    }

    /** A >= thresholdA, B >= thresholdB, otherwise C. */
    public static char classify(BigDecimal normalised, BigDecimal thresholdA, BigDecimal thresholdB) {
        if (normalised.compareTo(thresholdA) >= 0) {
            return 'A';
        }
        return normalised.compareTo(thresholdB) >= 0 ? 'B' : 'C';
    }

    /** One item's figures from its answers per rating code (missing ratings count 0). */
    public static ItemStats item(Scale scale, Map<Integer, Long> countsByRating) {
        Map<Integer, Long> counts = new LinkedHashMap<>();
        long answers = 0;
        long satisfied = 0;
        long dissatisfied = 0;
        BigDecimal total = BigDecimal.ZERO;
        for (int r : scale.ratings()) {
            long n = countsByRating.getOrDefault(r, 0L);
            counts.put(r, n);
            answers += n;
            satisfied += scale.isSatisfied(r) ? n : 0;
            dissatisfied += scale.isDissatisfied(r) ? n : 0;
            total = total.add(scale.points(r).multiply(BigDecimal.valueOf(n)));
        }
        BigDecimal max = scale.maxPoints().multiply(BigDecimal.valueOf(answers));
        BigDecimal average = answers == 0 ? null : total.divide(BigDecimal.valueOf(answers), DECIMALS, ROUNDING);
        BigDecimal rate = answers == 0 ? null : percent(BigDecimal.valueOf(satisfied), BigDecimal.valueOf(answers));
        return new ItemStats(counts, answers, satisfied, dissatisfied, total, max, average, rate);
    }

    /** SCORE: the mean of the respondents' normalised totals; null when nobody answered. */
    public static BigDecimal overallScore(BigDecimal sumOfNormalised, long respondents) {
        return respondents == 0 ? null : sumOfNormalised.divide(BigDecimal.valueOf(respondents), DECIMALS, ROUNDING);
    }

    /** SCORE over a list of normalised totals. */
    public static BigDecimal overallScore(List<BigDecimal> normalisedTotals) {
        return overallScore(normalisedTotals.stream().reduce(BigDecimal.ZERO, BigDecimal::add), normalisedTotals.size());
    }

    /** RATE: satisfied answers over all the items / all answers x 100; null when there are no answers. */
    public static BigDecimal overallRate(Collection<ItemStats> items) {
        long answers = items.stream().mapToLong(ItemStats::answers).sum();
        long satisfied = items.stream().mapToLong(ItemStats::satisfied).sum();
        return answers == 0 ? null : percent(BigDecimal.valueOf(satisfied), BigDecimal.valueOf(answers));
    }

    /** A dimension's (or any group of items') figure by the template's method; null when none was answered. */
    public static BigDecimal figure(Method method, Collection<ItemStats> items) {
        if (method == Method.RATE) {
            return overallRate(items);
        }
        BigDecimal points = items.stream().map(ItemStats::totalPoints).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal max = items.stream().map(ItemStats::maxPoints).reduce(BigDecimal.ZERO, BigDecimal::add);
        return max.signum() == 0 ? null : percent(points, max);
    }

    /** sum(weight x figure) / sum(weight) over the dimensions with a figure; null when none has one. */
    public static BigDecimal weightedIndex(List<WeightedFigure> dimensions) {
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        for (WeightedFigure d : dimensions) {
            if (d.figure() != null) {
                sum = sum.add(d.weight().multiply(d.figure()));
                weights = weights.add(d.weight());
            }
        }
        return weights.signum() == 0 ? null : sum.divide(weights, DECIMALS, ROUNDING);
    }

    /** The period's adjustments in percentage points applied to the raw figure (null raw stays null). */
    public static Adjusted adjust(BigDecimal raw, AdjustmentSteps steps, long complaints, long faultOpinions,
                                  long praises) {
        List<Adjustment> lines = List.of(
                line("COMPLAINT", complaints, steps.perComplaint()),
                line("FAULT_OPINION", faultOpinions, steps.perFaultOpinion()),
                line("PRAISE", praises, steps.perPraise()));
        if (raw == null) {
            return new Adjusted(null, lines, null);
        }
        BigDecimal adjusted = raw;
        for (Adjustment a : lines) {
            adjusted = adjusted.add(a.change());
        }
        return new Adjusted(raw.setScale(DECIMALS, ROUNDING), lines, adjusted.setScale(DECIMALS, ROUNDING));
    }

    private static Adjustment line(String kind, long count, BigDecimal step) {
        return new Adjustment(kind, count, step, step.multiply(BigDecimal.valueOf(count)).setScale(DECIMALS, ROUNDING));
    }

    /** part / whole x 100, 2 decimals HALF_UP. */
    public static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return part.multiply(HUNDRED).divide(whole, DECIMALS, ROUNDING);
    }
}
