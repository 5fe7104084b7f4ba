package com.careloop.survey.scoring;

import java.math.BigDecimal;

/** One adjustment line of the report: what (COMPLAINT, FAULT_OPINION, PRAISE), how many, the step, the change. */
public record Adjustment(String kind, long count, BigDecimal step, BigDecimal change) {
}
