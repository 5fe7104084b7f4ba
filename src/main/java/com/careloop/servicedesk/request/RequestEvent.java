package com.careloop.servicedesk.request;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** One row of a request's timeline: intake, a hop (dispatch, reassign, hand back) or a step. */
@Entity
@Table(name = "service_request_event")
public class RequestEvent extends RequestRow {

    public enum Kind {
        REGISTERED, DISPATCHED, REASSIGNED, HANDED_BACK, STARTED, PAUSED, RESUMED, COMPLETED, SIGNED_OFF,
        CALLED_BACK, CLOSED, REOPENED, TURNED_INTO_COMPLAINT, COMPLAINT_LINKED
    }

    @Enumerated(EnumType.STRING)
    private Kind kind;
    private Instant occurredAt;
    private String actor;
    private Long departmentId;
    private Long assigneeId;
    private Instant internalDueAt;
    private String reason;

    protected RequestEvent() {
    }

    RequestEvent(ServiceRequest request, Kind kind, Instant at, String actor, Long departmentId, Long assigneeId,
                 Instant internalDueAt, String reason) {
        super(request);
        this.kind = kind;
        this.occurredAt = at;
        this.actor = actor;
        this.departmentId = departmentId;
        this.assigneeId = assigneeId;
        this.internalDueAt = internalDueAt;
        this.reason = reason;
    }

    public Kind getKind() { return kind; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getActor() { return actor; }
    public Long getDepartmentId() { return departmentId; }
    public Long getAssigneeId() { return assigneeId; }
    public Instant getInternalDueAt() { return internalDueAt; }
    public String getReason() { return reason; }
}
