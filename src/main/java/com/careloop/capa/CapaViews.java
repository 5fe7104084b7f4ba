package com.careloop.capa;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/** What the API and pages show of CAPAs. */
public final class CapaViews {

    private CapaViews() {
    }

    public record Filter(CapaStatus status, String sourceType, Boolean overdue, Long departmentId, Long customerId,
                         DrillDown drillDown) {

        public Filter(CapaStatus status, String sourceType, Boolean overdue, Long departmentId, Long customerId) {
            this(status, sourceType, overdue, departmentId, customerId, null);
        }
    }

    /**
     * The filters the report figures link with (docs/reporting-figures-quality.md), company days both included:
     * opened or closed in a period, not closed ({@code open}), with an action due in a period, with an open action
     * of the current round owned by a user, opened by a user, with an effectiveness check recorded in a period.
     */
    public record DrillDown(@DateTimeFormat(iso = ISO.DATE) LocalDate openedFrom,
                            @DateTimeFormat(iso = ISO.DATE) LocalDate openedTo,
                            @DateTimeFormat(iso = ISO.DATE) LocalDate closedFrom,
                            @DateTimeFormat(iso = ISO.DATE) LocalDate closedTo, Boolean open,
                            @DateTimeFormat(iso = ISO.DATE) LocalDate actionsDueFrom,
                            @DateTimeFormat(iso = ISO.DATE) LocalDate actionsDueTo, Long actionOwnerId, Long openedById,
                            @DateTimeFormat(iso = ISO.DATE) LocalDate checkedFrom,
                            @DateTimeFormat(iso = ISO.DATE) LocalDate checkedTo) {
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
