package com.careloop.complaint;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import com.careloop.complaint.ComplaintViews.TimelineEntry;

/** What the API and pages show of advance compensation requests. */
public final class CompensationViews {

    private CompensationViews() {
    }

    public record Filter(CompensationStatus status, Long customerId) {
    }

    public record CompensationRow(long id, String code, long customerId, String customerName, Long complaintId,
                                  BigDecimal amount, CompensationStatus status, String requestedByName,
                                  OffsetDateTime createdAt) {
    }

    public record CompensationDetail(long id, String code, long version, long customerId, String customerName,
                                     Long complaintId, String reason, BigDecimal amount, CompensationStatus status,
                                     String requestedByName, String supervisorName, OffsetDateTime supervisorApprovedAt,
                                     String managerName, OffsetDateTime managerApprovedAt, String rejectedBy,
                                     String rejectionComment, OffsetDateTime paidAt, String paymentReference,
                                     OffsetDateTime createdAt, List<TimelineEntry> timeline, List<String> nextSteps) {
    }
}
