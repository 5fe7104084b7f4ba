package com.careloop.complaint.handling;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A CAPA record (纠正和预防措施, module capa) the complaint's corrective-action step opened, with the first
 * planned action as it was entered. Its progress (actions done, effectiveness) lives in the CAPA module and
 * is read through its summary; {@code fromVerification} marks the new countermeasure of a failed verification.
 */
@Entity
@Table(name = "complaint_capa")
public class ComplaintCapa extends ComplaintRow {

    private long capaId;
    private String capaCode;
    private String description;
    private String owner;
    private Long ownerUserId;
    private LocalDate dueDate;
    private boolean fromVerification;
    private String recordedBy;
    private Instant createdAt;

    protected ComplaintCapa() {
    }

    ComplaintCapa(Complaint complaint, long capaId, String capaCode, Complaint.Planned planned, boolean fromVerification,
                  String recordedBy, Instant now) {
        super(complaint);
        this.capaId = capaId;
        this.capaCode = capaCode;
        this.description = planned.description();
        this.owner = planned.owner();
        this.ownerUserId = planned.ownerUserId();
        this.dueDate = planned.dueDate();
        this.fromVerification = fromVerification;
        this.recordedBy = recordedBy;
        this.createdAt = now;
    }

    public long getCapaId() { return capaId; }
    public String getCapaCode() { return capaCode; }
    public String getDescription() { return description; }
    public String getOwner() { return owner; }
    public Long getOwnerUserId() { return ownerUserId; }
    public LocalDate getDueDate() { return dueDate; }
    public boolean isFromVerification() { return fromVerification; }
    public String getRecordedBy() { return recordedBy; }
    public Instant getCreatedAt() { return createdAt; }
}
