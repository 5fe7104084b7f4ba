package com.careloop.reporting.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.careloop.platform.Figure.Better;

/**
 * The scoring of the monthly assessment (客户服务月考核表), pure arithmetic:
 * <ul>
 * <li>met: HIGHER — actual ≥ target; LOWER — actual ≤ target;</li>
 * <li>LINEAR, HIGHER: points × actual / target, at most the points (target 0: the full points);</li>
 * <li>LINEAR, LOWER: points × target / actual, at most the points (actual 0: the full points; target 0 and actual
 * above: none);</li>
 * <li>ALL_OR_NOTHING: the points when met, else 0;</li>
 * <li>an actual of null (nothing to measure, e.g. a rate of no cases) scores null and is left out of the total.</li>
 * </ul>
 * Points are rounded half-up to 2 decimals.
 */
public final class AssessmentScoring {

    /** Points an agent loses per complaint about them (003-A10). */
    public static final BigDecimal PER_COMPLAINT = BigDecimal.TEN;

    private AssessmentScoring() {
    }

    public static Boolean met(BigDecimal actual, BigDecimal target, Better comparison) {
        if (actual == null || target == null) {
            return null;
        }
        return comparison == Better.LOWER ? actual.compareTo(target) <= 0 : actual.compareTo(target) >= 0;
    }

    public static BigDecimal points(BigDecimal actual, BigDecimal target, Better comparison, ScoringRule rule,
                                    BigDecimal max) {
        if (actual == null || target == null) {
            return null;
        }
        BigDecimal points;
        if (rule == ScoringRule.ALL_OR_NOTHING) {
            points = met(actual, target, comparison) ? max : BigDecimal.ZERO;
        } else if (comparison == Better.LOWER) {
            points = actual.signum() <= 0 ? max : max.multiply(target).divide(actual, 6, RoundingMode.HALF_UP);
        } else {
            points = target.signum() <= 0 ? max : max.multiply(actual).divide(target, 6, RoundingMode.HALF_UP);
        }
        return points.min(max).max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
    }

    /** The sum of the scored KPIs (null points left out); 0.00 when none scored. */
    public static BigDecimal total(Iterable<BigDecimal> points) {
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal p : points) {
            if (p != null) {
                sum = sum.add(p);
            }
        }
        return sum.setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * An agent's score out of 100: their on-time completion share against the service desk's completion target and
     * their callback satisfied share against the callback satisfaction target, each LINEAR and weighted equally over
     * the parts that could be measured, minus {@link #PER_COMPLAINT} per complaint about them, never below 0. Null
     * when neither part can be measured and there is no complaint.
     */
    public static BigDecimal agentScore(BigDecimal onTimeShare, BigDecimal onTimeTarget, BigDecimal satisfiedShare,
                                        BigDecimal satisfiedTarget, long complaints) {
        BigDecimal hundred = BigDecimal.valueOf(100);
        BigDecimal sum = BigDecimal.ZERO;
        int parts = 0;
        if (onTimeShare != null && onTimeTarget != null) {
            sum = sum.add(points(onTimeShare, onTimeTarget, Better.HIGHER, ScoringRule.LINEAR, hundred));
            parts++;
        }
        if (satisfiedShare != null && satisfiedTarget != null) {
            sum = sum.add(points(satisfiedShare, satisfiedTarget, Better.HIGHER, ScoringRule.LINEAR, hundred));
            parts++;
        }
        if (parts == 0 && complaints == 0) {
            return null;
        }
        BigDecimal base = parts == 0 ? hundred : sum.divide(BigDecimal.valueOf(parts), 6, RoundingMode.HALF_UP);
        return base.subtract(PER_COMPLAINT.multiply(BigDecimal.valueOf(complaints))).max(BigDecimal.ZERO)
                .setScale(2, RoundingMode.HALF_UP);
    }
}
