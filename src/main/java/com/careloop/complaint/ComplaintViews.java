package com.careloop.complaint;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What the API and pages show of complaints. */
public final class ComplaintViews {

    private ComplaintViews() {
    }

    /**
     * {@code q}: a keyword matched as a part of the code, customer name or code, order number, product or content;
     * {@code departmentId} the responsible department, {@code handlerId} the named handler,
     * {@code concernedEmployeeId} the employee a staff-attitude complaint is about. The drill-downs of the report
     * figures add: {@code receivedFrom}/{@code receivedTo} company days of receipt (both included), {@code cause},
     * {@code late} one deadline missed (done late, or not done and past due), {@code open} not closed,
     * {@code acknowledgeDueOn} not acknowledged and due that company day.
     */
    public record Filter(ComplaintStatus status, ComplaintCategory category, Severity severity, Long customerId,
                         Boolean repeat, Boolean overdue, String q, Long departmentId, Long handlerId,
                         Long concernedEmployeeId, LocalDate receivedFrom, LocalDate receivedTo, CauseCategory cause,
                         Deadline late, Boolean open, LocalDate acknowledgeDueOn, String batchNo) {

        public Filter(ComplaintStatus status, ComplaintCategory category, Severity severity, Long customerId,
                      Boolean repeat, Boolean overdue, String q) {
            this(status, category, severity, customerId, repeat, overdue, q, null, null, null);
        }

        public Filter(ComplaintStatus status, ComplaintCategory category, Severity severity, Long customerId,
                      Boolean repeat, Boolean overdue, String q, Long departmentId, Long handlerId,
                      Long concernedEmployeeId) {
            this(status, category, severity, customerId, repeat, overdue, q, departmentId, handlerId,
                    concernedEmployeeId, null, null, null, null, null, null, null);
        }
    }

    /** The three deadlines of the procedure: acknowledgement, first reply (action), resolution. */
    public enum Deadline { ACKNOWLEDGE, REPLY, RESOLVE }

    public record Row(long id, String code, long customerId, String customerName, boolean keyCustomer,
                      OffsetDateTime receivedAt, ComplaintStatus status, ComplaintCategory category, Severity severity,
                      boolean repeat, OffsetDateTime resolveDueAt, boolean overdue, String departmentName,
                      String handlerName) {
    }

    public record Page(List<Row> items, String nextCursor) {
    }

    public record Deadlines(OffsetDateTime acknowledgeDueAt, OffsetDateTime replyDueAt, OffsetDateTime resolveDueAt,
                            boolean acknowledgeOverdue, boolean replyOverdue, boolean resolveOverdue) {
    }

    /** A corrective-action row kept from before the CAPA module (read-only history; may still be marked done). */
    public record Action(long id, String description, String owner, LocalDate dueDate, boolean done,
                         OffsetDateTime doneAt, String doneBy) {
    }

    /**
     * A CAPA record opened from the complaint, with its state as the CAPA module reports it (status null when the
     * CAPA module has nothing on it).
     */
    public record CapaLink(long capaId, String code, String description, String owner, LocalDate dueDate,
                           boolean fromVerification, String recordedBy, String status, int actionsTotal,
                           int actionsDone, boolean allActionsDone, Boolean effective, int reopenCount,
                           LocalDate effectivenessCheckDue) {
    }

    public record TimelineEntry(String kind, OffsetDateTime at, String actor, String note) {
    }

    /** A linked complaint: the earlier one this repeats, or a later repeat of this one. */
    public record Link(long id, String code, OffsetDateTime receivedAt, ComplaintStatus status) {
    }

    public record Detail(long id, String code, long version, long customerId, String customerName, String customerCode,
                         boolean keyCustomer, OffsetDateTime receivedAt, ComplaintChannel channel, String orderNumber,
                         String product, String batchNo, String content, String requestedRemedy, Long sourceRequestId,
                         ComplaintStatus status, ComplaintCategory category, Severity severity, Long departmentId,
                         String departmentName, OffsetDateTime promisedReplyBy, OffsetDateTime acknowledgedAt, CauseCategory causeCategory,
                         String causeAnalysis, OffsetDateTime investigatedAt, String investigatedBy,
                         String decisionHow, OffsetDateTime decisionAt, String decisionWhat, Verification verification,
                         OffsetDateTime verifiedAt, String verifiedBy, OffsetDateTime qualityConfirmedAt,
                         String qualityConfirmedBy, OffsetDateTime closedAt, String receivedByName,
                         Deadlines deadlines, List<Action> actions, List<TimelineEntry> timeline, Link repeatOf,
                         List<Link> repeatedBy, int repeatCount, List<CapaLink> capas, OffsetDateTime capaReopenedAt,
                         String capaReopenNote, Long handlerId, String handlerName, Long concernedEmployeeId,
                         String concernedEmployeeName, String verifiedEarlyReason,
                         java.util.Set<String> handlers) {
    }
}
