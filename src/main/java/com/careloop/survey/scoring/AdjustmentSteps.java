package com.careloop.survey.scoring;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The period's adjustment steps in percentage points (QP-005 §5.8.4, SPEC §7), under
 * {@code careloop.survey.adjustment.*}: -0.1 per complaint received, -0.1 per opinion confirmed as the company's
 * fault, +0.1 per praise.
 */
@ConfigurationProperties("careloop.survey.adjustment")
public record AdjustmentSteps(@DefaultValue("-0.1") BigDecimal perComplaint,
                              @DefaultValue("-0.1") BigDecimal perFaultOpinion,
                              @DefaultValue("0.1") BigDecimal perPraise) {

    public static AdjustmentSteps defaults() {
        return new AdjustmentSteps(new BigDecimal("-0.1"), new BigDecimal("-0.1"), new BigDecimal("0.1"));
    }
}
