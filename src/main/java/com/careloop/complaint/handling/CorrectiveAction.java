package com.careloop.complaint.handling;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One corrective action (纠正措施) of a complaint: what, who, by when, and whether it is done. */
@Entity
@Table(name = "complaint_action")
public class CorrectiveAction {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "complaint_id")
    private Complaint complaint;
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
        this.complaint = complaint;
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

    public Long getId() { return id; }
    public String getDescription() { return description; }
    public String getOwner() { return owner; }
    public LocalDate getDueDate() { return dueDate; }
    public boolean isDone() { return done; }
    public Instant getDoneAt() { return doneAt; }
    public String getDoneBy() { return doneBy; }
}
