package com.careloop.complaint.handling;

import java.time.Duration;

import com.careloop.complaint.Severity;
import com.careloop.platform.calendar.TimeUnit;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code careloop.complaint.*}: the deadlines per severity (seed defaults: acknowledge
 * within 24 h, corrective-action reply within 72 h, resolve within 3 working days), the share of a
 * deadline at which the handler is warned, the repeat-complaint window and the scan interval;
 * {@code forbid-self-verification} (default true): who recorded the investigation or a corrective action
 * may not verify the complaint.
 */
@Validated
@ConfigurationProperties("careloop.complaint")
public record ComplaintProperties(
        @DefaultValue Targets major,
        @DefaultValue Targets general,
        @DefaultValue("0.8") @DecimalMin("0.1") @DecimalMax("0.99") double warnAt,
        @DefaultValue("90") @Min(1) int repeatWindowDays,
        @DefaultValue("1m") @NotNull Duration scanInterval,
        @DefaultValue("true") boolean forbidSelfVerification) {

    /** One severity's deadlines, each an amount in a unit of the business calendar. */
    public record Targets(
            @DefaultValue("24") @Min(1) int acknowledge, @DefaultValue("CALENDAR_HOURS") TimeUnit acknowledgeUnit,
            @DefaultValue("72") @Min(1) int reply, @DefaultValue("CALENDAR_HOURS") TimeUnit replyUnit,
            @DefaultValue("3") @Min(1) int resolve, @DefaultValue("WORKING_DAYS") TimeUnit resolveUnit) {

        public static Targets defaults() {
            return new Targets(24, TimeUnit.CALENDAR_HOURS, 72, TimeUnit.CALENDAR_HOURS, 3, TimeUnit.WORKING_DAYS);
        }
    }

    public Targets targets(Severity severity) {
        return severity == Severity.MAJOR ? major : general;
    }
}
