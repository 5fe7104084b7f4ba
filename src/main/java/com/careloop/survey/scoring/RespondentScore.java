package com.careloop.survey.scoring;

import java.math.BigDecimal;

/** One questionnaire: sum of points, sum of the maximum points of the items answered, normalised 0-100, A/B/C. */
public record RespondentScore(BigDecimal totalPoints, BigDecimal maxPoints, BigDecimal normalised,
                              char respondentClass) {
}
