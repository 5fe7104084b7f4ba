package com.careloop.capa.handling;

import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;

/** A row owned by a CAPA (source, why, action, check, timeline event, team member): its id and its CAPA. */
@MappedSuperclass
abstract class CapaRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "capa_id")
    private Capa capa;

    protected CapaRow() {
    }

    CapaRow(Capa capa) {
        this.capa = capa;
    }

    public Long getId() { return id; }
}
