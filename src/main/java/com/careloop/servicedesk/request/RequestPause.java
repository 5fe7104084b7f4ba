package com.careloop.servicedesk.request;

import java.time.Instant;

import com.careloop.platform.calendar.Pause;
import com.careloop.servicedesk.PauseReason;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** A stop of the SLA clock with its reason, start and end (null while it runs). */
@Entity
@Table(name = "service_request_pause")
public class RequestPause extends RequestRow {

    @Enumerated(EnumType.STRING)
    private PauseReason reason;
    private String note;
    private Instant startedAt;
    private Instant endedAt;
    private String startedBy;
    private String endedBy;

    protected RequestPause() {
    }

    RequestPause(ServiceRequest request, PauseReason reason, String note, Instant at, String actor) {
        super(request);
        this.reason = reason;
        this.note = note;
        this.startedAt = at;
        this.startedBy = actor;
    }

    void end(Instant at, String actor) {
        this.endedAt = at;
        this.endedBy = actor;
    }

    boolean isOpen() {
        return endedAt == null;
    }

    Pause toPause() {
        return new Pause(startedAt, endedAt, reason.name());
    }

    public PauseReason getReason() { return reason; }
    public String getNote() { return note; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getEndedAt() { return endedAt; }
    public String getStartedBy() { return startedBy; }
    public String getEndedBy() { return endedBy; }
}
