package com.careloop.capa.handling;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One row of a CAPA's timeline: which step, who and when. */
@Entity
@Table(name = "capa_event")
public class CapaEvent extends CapaRow {

    private String kind;
    private Instant occurredAt;
    private String actor;
    private String note;

    protected CapaEvent() {
    }

    CapaEvent(Capa capa, String kind, Instant at, String actor, String note) {
        super(capa);
        this.kind = kind;
        this.occurredAt = at;
        this.actor = actor;
        this.note = note;
    }

    public String getKind() { return kind; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getActor() { return actor; }
    public String getNote() { return note; }
}
