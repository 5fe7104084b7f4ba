package com.careloop.fieldservice.failure;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code careloop.product-failures.*}: a product+mode is a recurring failure at {@code recurrence-threshold} failures
 * within {@code recurrence-months} months (defaults 3 in 12).
 */
@Validated
@ConfigurationProperties("careloop.product-failures")
public record FailureProperties(@DefaultValue("3") @Min(2) @Max(1000) int recurrenceThreshold,
                                @DefaultValue("12") @Min(1) @Max(120) int recurrenceMonths) {

    public RecurrenceRule rule() {
        return new RecurrenceRule(recurrenceThreshold, recurrenceMonths);
    }
}
