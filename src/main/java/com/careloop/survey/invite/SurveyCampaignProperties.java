package com.careloop.survey.invite;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of survey sending under {@code careloop.survey.*}: how long a personal link stays valid after
 * the deadline day, the CS center's contact shown on the polite pages, the optional automatic reminder N days
 * before the deadline (0 = off), the public page's per-IP limit, and the key that signs the per-render nonce of
 * the token page (set the same value on every node of a cluster; empty = a random key per start), and the
 * procedure's survey frequency ({@code cadence}: NONE, QUARTERLY, or YEARLY in {@code cadence-quarter}), whose
 * reminder goes to the survey managers {@code cadence-warn-days} before the period ends with nothing sent in it.
 */
@Validated
@ConfigurationProperties("careloop.survey")
public record SurveyCampaignProperties(
        @DefaultValue("7d") @NotNull Duration tokenGrace,
        @DefaultValue("客服中心 / Customer Service Center: 400-800-2026, service@careloop.local") @NotBlank String contact,
        @DefaultValue("0") @Min(0) int reminderDaysBefore,
        @DefaultValue("60") @Min(1) int publicPageMaxRequests,
        @DefaultValue("10m") @NotNull Duration publicPageWindow,
        @DefaultValue("") String formSecret,
        @DefaultValue("PT1H") @NotNull Duration scanInterval,
        @DefaultValue("NONE") @NotNull com.careloop.survey.SurveyCadence.Kind cadence,
        @DefaultValue("4") @Min(1) @jakarta.validation.constraints.Max(4) int cadenceQuarter,
        @DefaultValue("30") @Min(0) int cadenceWarnDays) {

    /** The procedure's survey frequency as the campaign jobs check it. */
    public com.careloop.survey.SurveyCadence surveyCadence() {
        return new com.careloop.survey.SurveyCadence(cadence, cadenceQuarter, cadenceWarnDays);
    }
}
