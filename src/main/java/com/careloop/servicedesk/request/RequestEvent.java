package com.careloop.servicedesk.request;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import com.careloop.platform.Text;
import com.careloop.platform.TextColumn;

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
    /** What a person typed, or the literal of a row from before {@link #noteText}. */
    private String reason;
    /** The note as a message code and arguments, rendered for the reader. */
    @jakarta.persistence.Convert(converter = TextColumn.class)
    private Text noteText;

    protected RequestEvent() {
    }

    RequestEvent(ServiceRequest request, Kind kind, Instant at, String actor, Long departmentId, Long assigneeId,
                 Instant internalDueAt, Text reason) {
        super(request);
        this.kind = kind;
        this.occurredAt = at;
        this.actor = actor;
        this.departmentId = departmentId;
        this.assigneeId = assigneeId;
        this.internalDueAt = internalDueAt;
        this.reason = Text.literalColumn(reason, 2000);
        this.noteText = Text.messageColumn(reason);
    }

    public Kind getKind() { return kind; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getActor() { return actor; }
    public Long getDepartmentId() { return departmentId; }
    public Long getAssigneeId() { return assigneeId; }
    public Instant getInternalDueAt() { return internalDueAt; }
    public String getReason() { return reason; }
    public Text getNoteText() { return noteText; }
}
