package com.careloop.capa.handling;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code careloop.capa.*}: how many days after the actions are done the effectiveness check
 * falls due (default 30), how many days after the owner's overdue notice the managers are told (default 3),
 * and the scan interval.
 */
@Validated
@ConfigurationProperties("careloop.capa")
public record CapaProperties(
        @DefaultValue("30") @Min(0) int effectivenessDays,
        @DefaultValue("3") @Min(0) int escalateAfterDays,
        @DefaultValue("1m") @NotNull Duration scanInterval) {
}
