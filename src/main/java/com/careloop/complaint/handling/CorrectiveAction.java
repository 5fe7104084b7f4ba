package com.careloop.complaint.handling;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One corrective action (纠正措施) of a complaint: what, who, by when, and whether it is done. */
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

    protected CorrectiveAction() {
    }

    CorrectiveAction(Complaint complaint, String description, String owner, LocalDate dueDate, Instant now) {
        super(complaint);
        this.description = description;
        this.owner = owner;
        this.dueDate = dueDate;
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
}
