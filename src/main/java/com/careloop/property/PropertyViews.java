package com.careloop.property;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What the register shows (pages, API, print, Excel). */
public final class PropertyViews {

    private PropertyViews() {
    }

    /** The list's filters; {@code inspectionDue} true = an open inspection task past its due date. */
    public record Filter(Long customerId, PropertyKind kind, String location, Long departmentId, PropertyStatus status,
                         Boolean inspectionDue, String q) {
        public static Filter none() {
            return new Filter(null, null, null, null, null, null, null);
        }
    }

    public record Row(long id, String code, long customerId, String customerName, PropertyKind kind, String itemName,
                      String spec, BigDecimal quantity, String unit, LocalDate receivedOn, String receiverName,
                      String verification, String storageLocation, String owningDepartment, String holderDepartment,
                      String handedSignedBy, LocalDate handedOn, boolean confidential, PropertyStatus status,
                      LocalDate nextInspectionDue, boolean inspectionOverdue, String remark) {
    }

    public record Page(List<Row> items, String nextCursor) {
    }

    public record Verification(String result, Boolean specChecked, Boolean quantityChecked, String inspectorName,
                               String note, OffsetDateTime verifiedAt) {
    }

    public record Feedback(long id, String code, String issue, OffsetDateTime sentAt, String sentBy, String answer,
                           LocalDate answeredOn, String recordedBy) {
    }

    public record Movement(long id, String kind, Long fromDepartmentId, String fromDepartment, Long toDepartmentId,
                           String toDepartment, String note, String requestedBy, OffsetDateTime requestedAt,
                           String signedBy, LocalDate signedOn, boolean pending, String purpose, Long consentId) {
    }

    public record Inspection(long id, LocalDate periodStart, LocalDate dueOn, Long departmentId, String department,
                             String status, Boolean present, PropertyCondition condition, String note,
                             String inspectedBy, OffsetDateTime inspectedAt, boolean overdue) {
    }

    public record Problem(long id, String code, long itemId, String itemCode, String itemName, ProblemKind kind,
                          String foundIn, String description, String containment, String status, String reportedBy,
                          OffsetDateTime reportedAt, CustomerDecision decision, String decisionNote,
                          LocalDate decidedOn, String decisionRecordedBy, String decidedVia, LocalDate linkExpiresOn,
                          Long capaId, String capaCode, long version, Long taskOwnerId, String taskOwnerName,
                          LocalDate taskDueOn, boolean taskOverdue, LocalDate taskDoneOn, String taskDoneBy,
                          String taskDoneNote) {
    }

    /** A personal link for the customer's decision and its last valid day. */
    public record Link(String url, LocalDate expiresOn) {
    }

    /** What the customer sees on the personal link's page: the report, nothing internal. */
    public record PublicProblem(String problemCode, String itemCode, String itemName, String spec,
                                String customerName, ProblemKind kind, String description, String containment,
                                CustomerDecision decision, LocalDate expiresOn, boolean expired) {
    }

    /** A file on the item: arrival documents ({@code ARRIVAL}), photos ({@code PHOTO}), inspection photos. */
    public record File(long id, String slot, Long inspectionId, String fileName, String contentType, long size,
                       boolean image, OffsetDateTime storedAt) {
    }

    public record TimelineEntry(String kind, OffsetDateTime at, String actor, String note) {
    }

    public record Detail(long id, String code, long version, long customerId, String customerName, PropertyKind kind,
                         String itemName, String spec, BigDecimal quantity, String unit, LocalDate receivedOn,
                         String receiverName, Verification verification, String marking, String storageLocation,
                         Long owningDepartmentId, String owningDepartment, Long holderDepartmentId,
                         String holderDepartment, String handedSignedBy, LocalDate handedOn, boolean confidential,
                         List<Long> accessDepartmentIds, PropertyStatus status, LocalDate endedOn, String remark,
                         String registeredBy, OffsetDateTime registeredAt, List<Feedback> feedback,
                         List<Movement> movements, List<Inspection> inspections, List<Problem> problems,
                         List<File> files, List<TimelineEntry> timeline, String designatedUse,
                         List<UseConsent> useConsents, List<Revision> revisions) {
    }

    /** A consent of the customer to another use (004-C3). */
    public record UseConsent(long id, String purpose, String consentedBy, LocalDate consentedOn, String reference,
                             String recordedBy, OffsetDateTime recordedAt) {
    }

    /**
     * A revision of a customer document (004-C4): {@code current} the one in use, else ended on {@code supersededOn}
     * as {@code endKind} SUPERSEDED (by the next revision) or WITHDRAWN (with the reason, who, when); the departments
     * holding a copy by id and name, and each department's acknowledgements (receipt, return/destruction).
     */
    public record Revision(long id, String revision, LocalDate issuedOn, LocalDate receivedOn, boolean current,
                           LocalDate supersededOn, List<Long> distributionDepartmentIds, List<String> distribution,
                           String recordedBy, OffsetDateTime recordedAt, String endKind, String withdrawnReason,
                           String withdrawnBy, OffsetDateTime withdrawnAt, List<CopyAck> acknowledgements) {
    }

    /**
     * A department's acknowledgement of a revision's copy: {@code kind} RECEIPT or RETURN (returned or destroyed);
     * outstanding until a member confirms (who, when in company time).
     */
    public record CopyAck(long id, long revisionId, String kind, long departmentId, String department,
                          OffsetDateTime requestedAt, boolean outstanding, String confirmedBy,
                          OffsetDateTime confirmedAt, String note) {
    }

    /**
     * An outstanding acknowledgement in a department's list: which item and revision, what to confirm; overdue once
     * open for the settings page's reminder days, by how many whole days past them (0 when not overdue).
     */
    public record OpenCopyAck(long id, long itemId, String itemCode, String itemName, String customerName,
                              long revisionId, String revision, String kind, long departmentId, String department,
                              OffsetDateTime requestedAt, boolean overdue, int overdueDays) {
    }

    /** One open inspection task in a department's queue. */
    public record Task(long id, long itemId, String itemCode, String itemName, String customerName,
                       String storageLocation, LocalDate periodStart, LocalDate dueOn, boolean overdue) {
    }
}
