package com.careloop.capa.handling;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One corrective action: what, whose, by when, and when it was done by whom with what evidence. */
@Entity
@Table(name = "capa_action")
public class CapaAction extends CapaRow {

    @Column(name = "round_no")
    private int round;
    private String description;
    private long ownerId;
    private String ownerName;
    private LocalDate dueDate;
    private boolean done;
    private Instant doneAt;
    private String doneBy;
    private String evidence;
    private Instant createdAt;
    private String createdBy;

    protected CapaAction() {
    }

    CapaAction(Capa capa, int round, String description, long ownerId, String ownerName, LocalDate dueDate,
               String createdBy, Instant now) {
        super(capa);
        this.round = round;
        this.description = description;
        this.ownerId = ownerId;
        this.ownerName = ownerName;
        this.dueDate = dueDate;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    void markDone(String actor, String evidence, Instant now) {
        this.done = true;
        this.doneAt = now;
        this.doneBy = actor;
        this.evidence = evidence;
    }

    /** Overdue: not done and its due date has passed (the due date itself still counts as on time). */
    public boolean overdue(LocalDate today) {
        return !done && dueDate.isBefore(today);
    }

    public int getRound() { return round; }
    public String getDescription() { return description; }
    public long getOwnerId() { return ownerId; }
    public String getOwnerName() { return ownerName; }
    public LocalDate getDueDate() { return dueDate; }
    public boolean isDone() { return done; }
    public Instant getDoneAt() { return doneAt; }
    public String getDoneBy() { return doneBy; }
    public String getEvidence() { return evidence; }
}
