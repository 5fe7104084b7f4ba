package com.careloop.fieldservice.visit;

import java.time.Instant;
import java.time.LocalDate;

import com.careloop.platform.DomainException;
import com.careloop.platform.Text;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** An action agreed on a visit, with its owner and due date (a working day), tracked to done. */
@Entity
@Table(name = "visit_report_action")
public class VisitAction {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne
    @JoinColumn(name = "report_id")
    private VisitReport report;
    private String description;
    private long ownerId;
    private String ownerName;
    private LocalDate dueOn;
    private Instant doneAt;
    private String doneBy;
    private String doneNote;
    private LocalDate remindedOn;

    protected VisitAction() {
    }

    VisitAction(VisitReport report, String description, long ownerId, String ownerName, LocalDate dueOn) {
        this.report = report;
        this.description = description;
        this.ownerId = ownerId;
        this.ownerName = ownerName;
        this.dueOn = dueOn;
    }

    void done(String note, String by, Instant at) {
        if (doneAt != null) {
            throw new DomainException("fieldhistory.action-done", Text.of("error.fieldhistory.action-done",
                    description));
        }
        this.doneAt = at;
        this.doneBy = by;
        this.doneNote = note == null || note.isBlank() ? null : note.trim();
    }

    /** Overdue: not done and its due day has passed. */
    public boolean overdue(LocalDate today) {
        return doneAt == null && dueOn.isBefore(today);
    }

    public boolean isDone() {
        return doneAt != null;
    }

    public Long getId() { return id; }
    public String getDescription() { return description; }
    public long getOwnerId() { return ownerId; }
    public String getOwnerName() { return ownerName; }
    public LocalDate getDueOn() { return dueOn; }
    public Instant getDoneAt() { return doneAt; }
    public String getDoneBy() { return doneBy; }
    public String getDoneNote() { return doneNote; }
    public LocalDate getRemindedOn() { return remindedOn; }
}
