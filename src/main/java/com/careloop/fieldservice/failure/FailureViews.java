package com.careloop.fieldservice.failure;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/** Commands and views of the product failure history, the intake of report findings and the failure modes. */
public final class FailureViews {

    private FailureViews() {
    }

    /**
     * A failure recorded by hand: the source by type and the record's id or number (read through the owning module's
     * public API); the customer comes from the source.
     */
    public record RecordFailure(String product, String part, String serialNo, String batchNo, LocalDate failedOn,
                                String mode, String description, String cause, String action, FailureSource sourceType,
                                Long sourceId, String sourceCode) {
    }

    /** Quality classifies the findings of a signed field-service report as a failure. */
    public record Classify(String product, String part, String serialNo, String batchNo, LocalDate failedOn,
                           String mode, String description, String cause, String action) {
    }

    public record SaveMode(String code, String nameZhCn, String nameZhTw, String nameEn, Integer sortOrder,
                           Boolean active) {
    }

    public record Filter(String product, String part, String mode, Long customerId,
                         @DateTimeFormat(iso = ISO.DATE) LocalDate from, @DateTimeFormat(iso = ISO.DATE) LocalDate to,
                         String serial, FailureSource sourceType) {

        public static Filter none() {
            return new Filter(null, null, null, null, null, null, null, null);
        }
    }

    public record Row(long id, String product, String part, String serialNo, String batchNo, LocalDate failedOn,
                      String mode, String modeName, String description, String cause, String action,
                      FailureSource sourceType, Long sourceId, String sourceCode, String sourceLink, Long customerId,
                      String customerName, boolean recurring) {
    }

    /** One page of the history: either cursor goes back as {@code cursor} (null: no page that way). */
    public record Page(List<Row> items, String previousCursor, String nextCursor) {
    }

    /** A product+mode with its count in the recurrence window. */
    public record ModeCount(String mode, String modeName, long total, long inWindow, boolean recurring,
                            LocalDate lastOn) {
    }

    /** One product's failures, oldest first, with the count per mode and which modes recur. */
    public record Timeline(String product, List<Row> failures, List<ModeCount> modes, int threshold, int months) {
    }

    public record Recurring(String product, String mode, String modeName, long count, LocalDate lastOn) {
    }

    public record Mode(String code, String name, String nameZhCn, String nameZhTw, String nameEn, int sortOrder,
                       boolean active) {
    }

    public record Intake(long id, FailureSource sourceType, long sourceId, String sourceCode, String sourceLink,
                         String customerName, String findings, OffsetDateTime receivedAt, OffsetDateTime resolvedAt,
                         String resolvedBy, Long failureId, String product, LocalDate failedOn, String cause,
                         String action) {
    }
}
