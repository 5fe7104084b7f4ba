package com.careloop.capa.handling;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One verification of effectiveness with its evidence; a failed one re-opened the CAPA. */
@Entity
@Table(name = "capa_check")
public class CapaCheck extends CapaRow {

    @Column(name = "round_no")
    private int round;
    private boolean effective;
    private String evidence;
    private LocalDate dueDate;
    private Instant checkedAt;
    private String checkedBy;

    protected CapaCheck() {
    }

    CapaCheck(Capa capa, int round, boolean effective, String evidence, LocalDate dueDate, String by, Instant at) {
        super(capa);
        this.round = round;
        this.effective = effective;
        this.evidence = evidence;
        this.dueDate = dueDate;
        this.checkedBy = by;
        this.checkedAt = at;
    }

    public int getRound() { return round; }
    public boolean isEffective() { return effective; }
    public String getEvidence() { return evidence; }
    public LocalDate getDueDate() { return dueDate; }
    public Instant getCheckedAt() { return checkedAt; }
    public String getCheckedBy() { return checkedBy; }
}
