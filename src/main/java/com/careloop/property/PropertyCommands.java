package com.careloop.property;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What the register's steps take (pages and API). {@code version} is the version the caller saw (stale -> 409). */
public final class PropertyCommands {

    private PropertyCommands() {
    }

    /**
     * A new item on the register. {@code owningDepartmentId} null = the kind's default (production for tooling,
     * technical for documents and samples); {@code handedToDepartmentId} null = the owning department;
     * {@code confidential} null = by kind (IP and personal data); {@code accessDepartmentIds} the departments that
     * may see a confidential item besides its owning and holding department. The arrival verification may come
     * with it or later.
     */
    public record Register(Long customerId, PropertyKind kind, String itemName, String spec, BigDecimal quantity,
                           String unit, LocalDate receivedOn, String receiverName, String marking,
                           String storageLocation, Long owningDepartmentId, Long handedToDepartmentId,
                           Boolean confidential, List<Long> accessDepartmentIds, String remark, Verify verification,
                           String designatedUse) {
    }

    /** The use agreed with the customer (用途, 004-C3); required for intellectual property and personal data. */
    public record DesignatedUse(String designatedUse, Long version) {
    }

    /** The customer's consent to another use: purpose, who of the customer consented, when, letter/mail reference. */
    public record UseConsent(String purpose, String consentedBy, LocalDate consentedOn, String reference) {
    }

    /** A use of the item for a purpose other than the designated one, against a recorded consent. */
    public record OtherUse(Long consentId, String note) {
    }

    /**
     * A revision of a customer's drawing or specification (004-C4): revision, date of issue, day received (default
     * today), the departments holding a copy.
     */
    public record Revision(String revision, LocalDate issuedOn, LocalDate receivedOn,
                           List<Long> distributionDepartmentIds) {
    }

    /** Arrival verification (验收): spec and quantity checked, the result, the inspector; a failure writes a feedback. */
    public record Verify(Boolean specChecked, Boolean quantityChecked, Boolean passed, String inspectorName,
                         String note, Long version) {
    }

    /** The customer's answer to an arrival feedback (供方质量跟踪反馈记录), recorded by staff. */
    public record FeedbackAnswer(String answer, LocalDate answeredOn) {
    }

    /**
     * Hand the item over to another department; it moves when that department signs. {@code purpose} null = for the
     * designated use; another purpose needs {@code consentId}, a consent of the customer recorded on the item.
     */
    public record HandOver(Long toDepartmentId, String storageLocation, String note, Long version, String purpose,
                           Long consentId) {
    }

    /** A revision withdrawn (作废/收回) with the reason; {@code version} the item's version the caller saw. */
    public record WithdrawRevision(String reason, Long version) {
    }

    /** The revision in use distributed to more departments (each confirms its receipt). */
    public record DistributeRevision(List<Long> departmentIds, Long version) {
    }

    /** A department confirms its copy: received, or returned/destroyed; an optional note. */
    public record ConfirmCopy(String note) {
    }

    /** The receiving department signs the hand-over (转交部门签收). */
    public record SignHandOver(String storageLocation) {
    }

    /** Return to the customer or scrap: the date, who signs, a note. */
    public record End(LocalDate on, String note, Long version) {
    }

    /** The result of a six-monthly inspection; a condition other than GOOD may raise a problem report at once. */
    public record Inspect(Boolean present, PropertyCondition condition, String note, Boolean reportProblem) {
    }

    /** Every open inspection at a storage location found present and good in one step (per-location batch). */
    public record InspectLocation(String location, String note) {
    }

    /** A problem found in use or at an inspection: stop, isolate, mark, report (顾客财产问题报告单). */
    public record ReportProblem(ProblemKind kind, String description, String containment) {
    }

    /** An uploaded file as received (name and type as the browser declared them; the store checks the bytes). */
    public record Upload(String fileName, String contentType, byte[] bytes) {
    }

    /** The customer's decision on a problem report, recorded by staff. */
    public record Decide(CustomerDecision decision, String note, LocalDate decidedOn, Long version) {
    }

    /** The problem report's personal link, mailed to the customer's contact when {@code email} is given. */
    public record SendLink(String email, String language) {
    }

    /** Who carries out the customer's decision and by when (the owner: an active user). */
    public record AssignTask(Long ownerId, LocalDate dueOn, Long version) {
    }

    /** The customer's decision carried out: when and what was done. */
    public record CompleteTask(LocalDate doneOn, String note, Long version) {
    }
}
