package com.careloop.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;

/** What the pages and the API show of contracts; times in company time. */
public final class ContractViews {

    private ContractViews() {
    }

    public record Line(int lineNo, String product, String spec, BigDecimal quantity, String unit, BigDecimal unitPrice,
                       BigDecimal amount, String remark) {
    }

    /**
     * One aspect's review: who is asked (rendered), its state ({@code OPEN}, {@code DONE}, {@code CANCELLED}), the
     * verdict, signer, time and comment, the due time, and whether the reader may sign it now.
     */
    public record AspectReview(ReviewAspect aspect, String assignee, String state, ReviewVerdict verdict,
                               String signedBy, OffsetDateTime signedAt, String comment, OffsetDateTime dueAt,
                               boolean mine, boolean openInconsistency) {
    }

    public record Inconsistency(long id, ReviewAspect aspect, String description, String proposal, String status,
                                String raisedBy, OffsetDateTime raisedAt, ResolutionMethod method, LocalDate resolvedOn,
                                String withWhom, String agreed, String resolvedBy, OffsetDateTime resolvedAt) {
    }

    /** A file attached to the contract (scan, drawing, licence copy …), downloaded from the contract's own endpoint. */
    public record Attachment(long id, AttachmentSlot slot, String fileName, String contentType, long size, boolean image,
                             OffsetDateTime storedAt) {
    }

    public record Detail(long id, String number, String reviewNumber, long version, long customerId, String customerName,
                         String customerNumber, ContractSource source, ContractClass contractClass, LocalDate orderDate,
                         LocalDate deliveryDate, String paymentTerms, String specialRequirements, long salespersonId,
                         String salespersonName, Long departmentId, String departmentName, String region,
                         List<Line> lines, BigDecimal totalAmount, String currency, boolean major,
                         ContractStatus status, ReviewStage reviewStage, String countersignResult,
                         ReviewOutcome outcome, String outcomeComment, String outcomeBy, OffsetDateTime outcomeAt,
                         String gmBy, OffsetDateTime gmAt, String registeredBy, OffsetDateTime registeredAt,
                         OffsetDateTime submittedAt, OffsetDateTime acceptedAt, List<AspectReview> reviews,
                         List<Inconsistency> inconsistencies, long openInconsistencies, List<Attachment> files,
                         boolean inStock) {
    }

    /** One row of the contract register. */
    public record Row(long id, String number, String customerName, String customerNumber, ContractClass contractClass,
                      ContractSource source, LocalDate orderDate, LocalDate deliveryDate, String products,
                      BigDecimal totalAmount, String salespersonName, String departmentName, String region,
                      ContractStatus status, ReviewStage reviewStage, ReviewOutcome outcome, boolean major,
                      int revision, BigDecimal shippedAmount) {

        /** Delivery progress (出货计划, 002-A17): the value shipped as a whole percentage of the contract's total. */
        public int shippedPercent() {
            if (shippedAmount == null || totalAmount == null || totalAmount.signum() == 0) {
                return 0;
            }
            return shippedAmount.multiply(BigDecimal.valueOf(100)).divide(totalAmount, 0, java.math.RoundingMode.DOWN)
                    .intValue();
        }
    }

    public record Page(List<Row> items, String nextCursor) {
    }

    /** Register search: text (our or the customer's number, customer name), product, salesperson, dates, status. */
    public record Filter(String q, Long customerId, String product, Long salespersonId,
                         @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                         @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                         ContractStatus status, ReviewStage reviewStage) {
        public Filter {
            q = q == null || q.isBlank() ? null : q.strip();
            product = product == null || product.isBlank() ? null : product.strip();
        }

        public static Filter none() {
            return new Filter(null, null, null, null, null, null, null, null);
        }
    }

    /** One field-level difference between two revisions (old → new), with its sentence in the reader's language. */
    public record DiffEntry(String field, String change, Integer lineNo, String before, String after, String text) {
    }

    /** A department a change notice went to, and who of it acknowledged it (once). */
    public record Notified(long departmentId, String departmentName, String acknowledgedBy,
                           OffsetDateTime acknowledgedAt, boolean acknowledgeable) {
    }

    /**
     * A change of the contract (合同变更): its kinds, how the customer agreed, the aspects re-reviewed and their
     * signatures, the proposed terms and their difference to the revision it changes, the outcome and the change
     * notice (合同变更通知单) with its acknowledgements; a change of a major contract ({@code major}) also needs the
     * general manager after its countersign ({@code awaitingGm} meanwhile; {@code gmBy}, {@code gmAt} once decided).
     */
    public record Change(long id, long contractId, String contractNumber, String customerName, String number,
                         int fromRevision, Integer revision, List<ChangeKind> kinds, ChangeStatus status,
                         ResolutionMethod agreedMethod, LocalDate agreedOn, String agreedWith, String agreed,
                         String reason, List<ReviewAspect> aspects, List<AspectReview> reviews, List<DiffEntry> diff,
                         LocalDate deliveryDate, String paymentTerms, String specialRequirements, List<Line> lines,
                         BigDecimal totalAmount, String decisionComment, String decidedBy, OffsetDateTime decidedAt,
                         String noticeNumber, OffsetDateTime noticeIssuedAt, List<Notified> notified,
                         String requestedBy, OffsetDateTime requestedAt, boolean withdrawable, long version,
                         boolean major, boolean awaitingGm, String gmBy, OffsetDateTime gmAt) {
    }

    /** One revision of the contract (v1 as registered, v2 … after each accepted change). */
    public record Revision(int revision, boolean current, Long changeId, String changeNumber, List<ChangeKind> kinds,
                           OffsetDateTime createdAt, String createdBy, LocalDate deliveryDate, BigDecimal totalAmount) {
    }

    /** A register entry another module links to (the complaint form's contract/order number). */
    public record Reference(long id, String number, ContractStatus status) {
    }
}
