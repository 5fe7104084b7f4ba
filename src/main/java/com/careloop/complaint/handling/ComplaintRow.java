package com.careloop.complaint.handling;

import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;

/** A row owned by a complaint (timeline event, corrective action): its id and its complaint. */
@MappedSuperclass
abstract class ComplaintRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "complaint_id")
    private Complaint complaint;

    protected ComplaintRow() {
    }

    ComplaintRow(Complaint complaint) {
        this.complaint = complaint;
    }

    public Long getId() { return id; }
}
