package com.careloop.reporting.delivery;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.careloop.reporting.delivery.DeliveryTiming.Cadence;
import com.careloop.reporting.delivery.ReportSchedule.Format;
import com.careloop.reporting.report.ReportKind;

/** Commands and views of report schedules and deliveries (API and pages). */
final class DeliveryViews {

    private DeliveryViews() {
    }

    /**
     * Create or change a schedule. {@code cadence} follows from the report's period when left out (weekly report:
     * WEEKLY, monthly ones: MONTHLY, management review: YEARLY); WEEKLY needs {@code dayOfWeek}, MONTHLY
     * {@code dayOfMonth} (1–31, clamped to short months), YEARLY {@code month} and {@code dayOfMonth}; {@code time}
     * is HH:mm in company time; CUSTOMER_MONTHLY needs {@code customerId}. {@code version}: required on change.
     */
    record SaveSchedule(ReportKind reportKind, Cadence cadence, DayOfWeek dayOfWeek, Integer dayOfMonth, Integer month,
                        String time, List<Format> formats, List<Long> recipientIds, Long customerId, Boolean enabled,
                        Long version) implements java.io.Serializable {
    }

    record Person(long id, String name) {
    }

    /**
     * A schedule as shown: {@code when} its rule in the reader's language, {@code nextRunAt} the next run (null when
     * disabled) and {@code nextRun} that instant in company time.
     */
    record ScheduleView(long id, ReportKind reportKind, String reportName, Cadence cadence, DayOfWeek dayOfWeek,
                        Integer dayOfMonth, Integer month, String time, String when, List<Format> formats,
                        List<Person> recipients, Long customerId, String customerName, boolean enabled,
                        Instant nextRunAt, String nextRun, String createdBy, Instant createdAt, long version) {
    }

    record Period(String kind, LocalDate first, LocalDate last, String label) {
    }

    /** One delivery of the log; {@code statusLabel}, {@code error} and the period label in the reader's language. */
    record DeliveryView(long id, long scheduleId, ReportKind reportKind, String reportName, Period period,
                        DeliveryStatus status, String statusLabel, int attempts, Instant nextAttemptAt,
                        String nextAttempt, Instant sentAt, String errorCode, String error, Long reportId,
                        String requestedBy, Instant createdAt, boolean retryable) {
    }
}
