package com.careloop.fieldservice.visit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Commands and views of visit reports (走访服务报告 Q/JL081306). */
public final class VisitViews {

    private VisitViews() {
    }

    public record Plan(Long customerId, String purpose, LocalDate visitOn, String place, String participants,
                       String contactsMet) {
    }

    /** The visit as it happened, with the actions agreed there (optional). */
    public record Visited(String contactsMet, String findings, String customerOpinion, List<AgreeAction> actions,
                          Long version) {
    }

    /** An agreed action: the owner, and the due date ({@code dueOn}, moved onto a working day) or working days. */
    public record AgreeAction(String description, Long ownerId, LocalDate dueOn, Integer dueInWorkingDays) {
    }

    public record Done(String note) {
    }

    public record Action(long id, String description, long ownerId, String ownerName, LocalDate dueOn,
                         OffsetDateTime doneAt, String doneBy, String doneNote, boolean overdue) {
    }

    public record Detail(long id, String code, long version, long customerId, String customerName, String purpose,
                         LocalDate visitOn, String place, String participants, String contactsMet, String findings,
                         String customerOpinion, VisitReport.Status status, OffsetDateTime visitedAt,
                         OffsetDateTime closedAt, List<Action> actions, String plannedBy, OffsetDateTime plannedAt) {
    }

    public record Filter(Long customerId, VisitReport.Status status, String q) {
        public static Filter none() {
            return new Filter(null, null, null);
        }
    }

    public record Row(long id, String code, long customerId, String customerName, String purpose, LocalDate visitOn,
                      VisitReport.Status status, long openActions, long overdueActions) {
    }

    public record Page(List<Row> items, String nextCursor) {
    }

    /** One of my open visit actions. */
    public record MyAction(long id, long reportId, String reportCode, String customerName, String description,
                           LocalDate dueOn, boolean overdue) {
    }
}
