package com.careloop.reporting.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.careloop.platform.Figure;

/**
 * The target of one figure from a month on ({@code validFrom} the month's first day) or by default ({@code validFrom}
 * null). A PERCENT target is a share 0..1, as the figure's value.
 *
 * @param points the KPI's weight: the most points it can earn in the monthly assessment
 */
public record KpiTarget(long id, String figureCode, LocalDate validFrom, Figure.Unit unit, BigDecimal targetValue,
                        Figure.Better comparison, ScoringRule scoringRule, BigDecimal points, int sortOrder,
                        long version) {

    public Boolean met(BigDecimal actual) {
        return AssessmentScoring.met(actual, targetValue, comparison);
    }

    public BigDecimal score(BigDecimal actual) {
        return AssessmentScoring.points(actual, targetValue, comparison, scoringRule, points);
    }
}
