package com.careloop.webhook.outbound;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code careloop.webhooks.*} (docs/webhooks.md): retries for {@code retryFor} with back-off from
 * {@code initialBackoff} doubling up to {@code maxBackoff}; an endpoint is switched off after {@code disableAfter}
 * failed attempts in a row. Targets on loopback, link-local or private networks are refused by the platform's
 * {@code TargetGuard} unless {@code careloop.outbound.allow-private-targets} (whose default is the older
 * {@code careloop.webhooks.allow-private-targets}). {@code pollInterval} is the safety net behind the
 * after-commit send; {@code senders} deliveries run at once per node.
 */
@Validated
@ConfigurationProperties("careloop.webhooks")
public record WebhookProperties(@DefaultValue("24h") @NotNull Duration retryFor,
                                @DefaultValue("10s") @NotNull Duration initialBackoff,
                                @DefaultValue("1h") @NotNull Duration maxBackoff,
                                @DefaultValue("10s") @NotNull Duration timeout,
                                @DefaultValue("20") @Min(1) int disableAfter,
                                @DefaultValue("2s") @NotNull Duration pollInterval,
                                @DefaultValue("8") @Min(1) int senders,
                                @DefaultValue("2m") @NotNull Duration lease,
                                @DefaultValue("true") boolean deliver) {
}
