package com.careloop.survey.scoring;

import java.math.BigDecimal;
import java.util.List;

/** The raw overall satisfaction, each adjustment and the adjusted figure (本次调查顾客满意度). */
public record Adjusted(BigDecimal raw, List<Adjustment> adjustments, BigDecimal adjusted) {
}
