package com.careloop.platform.channel;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code careloop.notifications.*} (docs/notifications.md): a failed channel delivery is retried for
 * {@code retryFor} with back-off from {@code initialBackoff} doubling up to {@code maxBackoff}; {@code pollInterval}
 * is the safety net behind the after-commit send; {@code senders} deliveries run at once per node.
 */
@Validated
@ConfigurationProperties("careloop.notifications")
public record ChannelProperties(@DefaultValue("24h") @NotNull Duration retryFor,
                                @DefaultValue("30s") @NotNull Duration initialBackoff,
                                @DefaultValue("1h") @NotNull Duration maxBackoff,
                                @DefaultValue("10s") @NotNull Duration timeout,
                                @DefaultValue("5s") @NotNull Duration pollInterval,
                                @DefaultValue("4") @Min(1) int senders,
                                @DefaultValue("2m") @NotNull Duration lease) {
}
