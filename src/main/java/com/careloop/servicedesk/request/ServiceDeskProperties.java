package com.careloop.servicedesk.request;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code careloop.servicedesk.*}: the share of an SLA target at which the handler is
 * warned, how long after a breach the manager is alerted (second level), and how often the scan runs.
 */
@Validated
@ConfigurationProperties("careloop.servicedesk")
public record ServiceDeskProperties(
        @DefaultValue("0.8") @DecimalMin("0.1") @DecimalMax("0.99") double warnAt,
        @DefaultValue("4h") @NotNull Duration escalateAfter,
        @DefaultValue("1m") @NotNull Duration scanInterval) {
}
