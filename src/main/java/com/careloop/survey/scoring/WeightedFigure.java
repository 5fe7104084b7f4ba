package com.careloop.survey.scoring;

import java.math.BigDecimal;

/** A dimension's weight in percent and its figure (null when none of its items was answered). */
public record WeightedFigure(BigDecimal weight, BigDecimal figure) {
}
