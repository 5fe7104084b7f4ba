package com.careloop.complaint;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.careloop.complaint.ComplaintViews.TimelineEntry;

/** What the API and pages show of claims. */
public final class ClaimViews {

    private ClaimViews() {
    }

    public record Filter(ClaimStatus status, Long customerId, Long complaintId) {
    }

    public record ClaimRow(long id, String code, long customerId, String customerName, Long complaintId, String product,
                           BigDecimal claimedAmount, BigDecimal proposedAmount, BigDecimal settledAmount,
                           ClaimStatus status, OffsetDateTime createdAt) {
    }

    /** A piece of evidence: a text note, or a photo/document ({@code fileName} set). */
    public record Evidence(long id, String note, String fileName, String contentType, Long size, String addedBy,
                           OffsetDateTime addedAt) {
    }

    public record Content(String fileName, String contentType, byte[] bytes) {
    }

    public record ClaimDetail(long id, String code, long version, long customerId, String customerName,
                              String customerCode, Long complaintId, String product, String orderNumber,
                              BigDecimal claimedAmount, String description, ClaimStatus status,
                              InspectionMethod inspectionMethod, String findings, String inspector, LocalDate inspectedOn,
                              Responsibility responsibility, BigDecimal ourSharePercent, String responsibilityNote,
                              BigDecimal proposedAmount, String proposedBy, OffsetDateTime proposedAt,
                              String rejectionComment, String approvedBy, String approverPosition,
                              OffsetDateTime approvedAt, String agreedHow, OffsetDateTime agreedAt, String agreedBy,
                              BigDecimal settledAmount, LocalDate settledOn, String paymentReference,
                              OffsetDateTime closedAt, String registeredByName, OffsetDateTime createdAt,
                              List<Evidence> evidence, List<TimelineEntry> timeline, List<String> nextSteps) {
    }
}
