package com.careloop.fieldservice.failure;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Commands and views of the warranty-part defect feedback (不良品(三包件)信息反馈表 Q/JL100101). */
public final class WarrantyViews {

    private WarrantyViews() {
    }

    /** A returned part from a field service or a claim (by id or number); quality person optional (else all quality). */
    public record RecordPart(FailureSource sourceType, Long sourceId, String sourceCode, String product, String part,
                             Integer quantity, String serialNo, String batchNo, LocalDate failedOn, String mode,
                             String failureDescription, Long qualityUserId) {
    }

    public record Analyse(String cause, WarrantyFeedback.Responsibility responsibility, String action, Long version) {
    }

    public record Close(Long version) {
    }

    public record Detail(long id, String code, long version, FailureSource sourceType, long sourceId,
                         String sourceCode, String sourceLink, Long customerId, String customerName, String product,
                         String part, int quantity, String serialNo, String batchNo, LocalDate failedOn, String mode,
                         String modeName, String failureDescription, WarrantyFeedback.Status status,
                         Long qualityUserId, String qualityUserName, String cause,
                         WarrantyFeedback.Responsibility responsibility, String action, String analysedBy,
                         OffsetDateTime analysedAt, OffsetDateTime closedAt, Long failureId, String recordedBy,
                         OffsetDateTime recordedAt) {
    }

    public record Row(long id, String code, String sourceCode, String customerName, String product, String part,
                      int quantity, LocalDate failedOn, WarrantyFeedback.Status status,
                      WarrantyFeedback.Responsibility responsibility) {
    }

    public record Page(List<Row> items, String nextCursor) {
    }
}
