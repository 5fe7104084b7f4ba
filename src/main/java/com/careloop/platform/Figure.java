package com.careloop.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One figure a module contributes to dashboards and periodic reports (see {@link FigureSource}): a code, its value
 * (null when there is nothing to measure, e.g. a rate of zero cases), how to read it, which way is better, and the
 * list that makes it up. The label a reader sees is the message {@code figure.<code>} in the contributing module's
 * bundle; a rate also keeps its part and whole so a report can show "42 / 50".
 *
 * @param code          stable id, {@code <module>.<name>}, e.g. {@code servicedesk.completedOnTimeRate}
 * @param value         the figure; a {@link Unit#PERCENT} value is a share 0..1
 * @param numerator     the part of a rate, or null
 * @param denominator   the whole of a rate, or null
 * @param drillDown     the page listing the records behind the figure (relative URL, filters in the query), or null
 */
public record Figure(String code, BigDecimal value, Unit unit, Better better, Long numerator, Long denominator,
                     String drillDown) {

    /** How a value reads: a count, a share shown as %, hours, days, a score, per thousand, yuan. */
    public enum Unit { COUNT, PERCENT, HOURS, DAYS, SCORE, PER_MILLE, MONEY }

    /** Which way the figure should move; NONE for volumes such as the intake. */
    public enum Better { HIGHER, LOWER, NONE }

    public static Figure count(String code, long n, Better better, String drillDown) {
        return new Figure(code, BigDecimal.valueOf(n), Unit.COUNT, better, null, null, drillDown);
    }

    /** part / whole as a share (4 decimals), null when the whole is 0. */
    public static Figure rate(String code, long part, long whole, Better better, String drillDown) {
        BigDecimal value = whole == 0 ? null
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
        return new Figure(code, value, Unit.PERCENT, better, part, whole, drillDown);
    }

    /** A measured value (hours, days, a score, ‰, yuan) rounded to 2 decimals; null stays null. */
    public static Figure measure(String code, Double value, Unit unit, Better better, String drillDown) {
        return new Figure(code, value == null ? null : BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP), unit,
                better, null, null, drillDown);
    }

    /** The message key of the label. */
    public String labelKey() {
        return "figure." + code;
    }
}
