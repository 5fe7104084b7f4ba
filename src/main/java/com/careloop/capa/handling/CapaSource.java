package com.careloop.capa.handling;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A source linked to a CAPA (a CAPA can have several). */
@Entity
@Table(name = "capa_source")
public class CapaSource extends CapaRow {

    private String sourceType;
    private long sourceId;
    private String sourceCode;
    private Instant attachedAt;

    protected CapaSource() {
    }

    CapaSource(Capa capa, String sourceType, long sourceId, String sourceCode, Instant at) {
        super(capa);
        this.sourceType = sourceType;
        this.sourceId = sourceId;
        this.sourceCode = sourceCode;
        this.attachedAt = at;
    }

    boolean is(String type, long id) {
        return sourceType.equals(type) && sourceId == id;
    }

    public String getSourceType() { return sourceType; }
    public long getSourceId() { return sourceId; }
    public String getSourceCode() { return sourceCode; }
    public Instant getAttachedAt() { return attachedAt; }
}
