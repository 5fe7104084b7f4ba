package com.careloop.complaint.handling;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One row of a complaint's timeline: which step, who and when. */
@Entity
@Table(name = "complaint_event")
public class ComplaintEvent extends ComplaintRow {

    private String kind;
    private Instant occurredAt;
    private String actor;
    private String note;

    protected ComplaintEvent() {
    }

    ComplaintEvent(Complaint complaint, String kind, Instant at, String actor, String note) {
        super(complaint);
        this.kind = kind;
        this.occurredAt = at;
        this.actor = actor;
        this.note = note;
    }

    public String getKind() { return kind; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getActor() { return actor; }
    public String getNote() { return note; }
}
