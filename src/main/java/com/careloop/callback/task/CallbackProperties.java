package com.careloop.callback.task;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code careloop.callback.*}: the default number of tries before a task is UNREACHABLE (a plan
 * may set its own), how many days back the daily job looks for sales recorded late, and the job's schedule.
 */
@Validated
@ConfigurationProperties("careloop.callback")
public record CallbackProperties(
        @DefaultValue("3") @Min(1) @Max(20) int maxAttempts,
        @DefaultValue("7") @Min(0) @Max(60) int saleLookbackDays,
        @DefaultValue("0 30 6 * * *") String generationCron) {
}
