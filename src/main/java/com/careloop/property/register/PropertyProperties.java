package com.careloop.property.register;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code careloop.property.*}: the inspection period in months (default 6: 每半年检查一次; the periods
 * start on 1 January and 1 July), the working days the owning department has for an inspection (default 20), when
 * the job runs, and how many items one of its transactions covers (short transactions, no lock that blocks pages);
 * how many days before an inspection's due day its department is reminded (5; 0 = no reminder), and the working
 * days a decision task (carrying out the customer's decision on a problem report) gets by default (10); after how many
 * days a department that has not confirmed the receipt or return of a customer document's copy is reminded, once (7;
 * 0 = no reminder) — from then on the confirmation is overdue on the department's work.
 */
@Validated
@ConfigurationProperties("careloop.property")
public record PropertyProperties(
        @DefaultValue("6") @Min(1) @Max(12) int inspectionMonths,
        @DefaultValue("20") @Min(1) @Max(120) int inspectionWorkingDays,
        @DefaultValue("0 15 6 * * *") @NotBlank String inspectionCron,
        @DefaultValue("5000") @Min(100) int inspectionBatch,
        @DefaultValue("5") @Min(0) @Max(60) int inspectionReminderDays,
        @DefaultValue("10") @Min(1) @Max(120) int decisionTaskWorkingDays,
        @DefaultValue("7") @Min(0) @Max(90) int confirmationReminderDays) {

    @org.springframework.boot.context.properties.bind.ConstructorBinding
    public PropertyProperties {
    }

    /**
     * The first four settings; the reminder 5 days before the due day, a decision task due in 10 working days, open
     * copy confirmations reminded after 7 days.
     */
    public PropertyProperties(int inspectionMonths, int inspectionWorkingDays, String inspectionCron,
                              int inspectionBatch) {
        this(inspectionMonths, inspectionWorkingDays, inspectionCron, inspectionBatch, 5, 10, 7);
    }

    /** A copy of these settings with another reminder delay for open copy confirmations (days; 0 = none). */
    public PropertyProperties withConfirmationReminderDays(int days) {
        return new PropertyProperties(inspectionMonths, inspectionWorkingDays, inspectionCron, inspectionBatch,
                inspectionReminderDays, decisionTaskWorkingDays, days);
    }
}
