package com.careloop.complaint.handling;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One row of a complaint's timeline: which step, who and when. */
@Entity
@Table(name = "complaint_event")
public class ComplaintEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "complaint_id")
    private Complaint complaint;
    private String kind;
    private Instant occurredAt;
    private String actor;
    private String note;

    protected ComplaintEvent() {
    }

    ComplaintEvent(Complaint complaint, String kind, Instant at, String actor, String note) {
        this.complaint = complaint;
        this.kind = kind;
        this.occurredAt = at;
        this.actor = actor;
        this.note = note;
    }

    public Long getId() { return id; }
    public String getKind() { return kind; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getActor() { return actor; }
    public String getNote() { return note; }
}
