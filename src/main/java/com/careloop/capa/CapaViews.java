package com.careloop.capa;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What the API and pages show of CAPAs. */
public final class CapaViews {

    private CapaViews() {
    }

    public record Filter(CapaStatus status, String sourceType, Boolean overdue, Long departmentId, Long customerId) {
    }

    public record Row(long id, String code, CapaStatus status, String problem, String sourceType, int moreSources, Long departmentId,
                      String departmentName, boolean eightD, OffsetDateTime openedAt, int reopenCount,
                      LocalDate effectivenessCheckDue, boolean overdue) {
    }

    public record Page(List<Row> items, String nextCursor) {
    }

    public record Source(String sourceType, long sourceId, String sourceCode, OffsetDateTime attachedAt) {
    }

    public record Why(int round, int step, String answer) {
    }

    public record Action(long id, int round, String description, long ownerId, String ownerName, LocalDate dueDate,
                         boolean done, OffsetDateTime doneAt, String doneBy, String evidence, boolean overdue,
                         boolean current) {
    }

    public record Check(long id, int round, boolean effective, String evidence, LocalDate dueDate,
                        OffsetDateTime checkedAt, String checkedBy) {
    }

    public record TeamMember(long id, String name, String role) {
    }

    public record TimelineEntry(String kind, OffsetDateTime at, String actor, String note) {
    }

    public record Detail(long id, String code, long version, CapaStatus status, String problem, Long customerId,
                         Long departmentId, String departmentName, boolean eightD, String sourceKey,
                         List<Source> sources, String containment, OffsetDateTime containedAt, String containedBy,
                         List<Why> whys, FishboneCategory fishbone, String rootCause, OffsetDateTime rootCauseAt,
                         String rootCauseBy, int round, List<Action> actions, OffsetDateTime actionsDoneAt,
                         LocalDate effectivenessCheckDue, OffsetDateTime verificationStartedAt, List<Check> checks,
                         Boolean effective, int reopenCount, String recurrencePrevention, OffsetDateTime closedAt,
                         String closedBy, OffsetDateTime openedAt, String openedByName, List<TeamMember> team,
                         List<TimelineEntry> timeline, CapaSummary summary, String customerName) {
    }
}
