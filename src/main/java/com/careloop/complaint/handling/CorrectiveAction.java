package com.careloop.complaint.handling;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * One corrective action (纠正措施) of a complaint: what, who, by when, and whether it is done. Since the CAPA
 * module handles corrective actions these rows are the history of complaints entered before it (read-only
 * apart from marking them done); new corrective actions are {@link ComplaintCapa} links.
 */
@Entity
@Table(name = "complaint_action")
public class CorrectiveAction extends ComplaintRow {

    private String description;
    private String owner;
    private LocalDate dueDate;
    private boolean done;
    private Instant doneAt;
    private String doneBy;
    private Instant createdAt;
    private String recordedBy;
    private boolean fromVerification;

    protected CorrectiveAction() {
    }

    CorrectiveAction(Complaint complaint, String description, String owner, LocalDate dueDate, String recordedBy,
                     boolean fromVerification, Instant now) {
        super(complaint);
        this.description = description;
        this.owner = owner;
        this.dueDate = dueDate;
        this.recordedBy = recordedBy;
        this.fromVerification = fromVerification;
        this.createdAt = now;
    }

    void markDone(String actor, Instant now) {
        this.done = true;
        this.doneAt = now;
        this.doneBy = actor;
    }

    public String getDescription() { return description; }
    public String getOwner() { return owner; }
    public LocalDate getDueDate() { return dueDate; }
    public boolean isDone() { return done; }
    public Instant getDoneAt() { return doneAt; }
    public String getDoneBy() { return doneBy; }
    public String getRecordedBy() { return recordedBy; }
    public boolean isFromVerification() { return fromVerification; }
}
