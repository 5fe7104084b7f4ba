package com.careloop.complaint.claim;

import java.time.Instant;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * What claims, return slips and compensations have in common: id, record number, optimistic version, created and
 * updated times, the audit identity and the state check of every step (409 naming the current state).
 */
@MappedSuperclass
public abstract class TrackedRecord implements Tracked {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    @Version
    private long version;
    private Instant createdAt;
    private Instant updatedAt;

    protected TrackedRecord() {
    }

    protected TrackedRecord(String code, Instant now) {
        this.code = code;
        this.createdAt = now;
        this.updatedAt = now;
    }

    @SafeVarargs
    protected final <S extends Enum<S>> void requireState(S current, String step, S... allowed) {
        Rules.requireState(auditType(), code, current, step, allowed);
    }

    @Override
    public void touch(Instant now) {
        updatedAt = now;
    }

    @Override
    public String auditId() {
        return String.valueOf(id);
    }

    @Override
    public Long getId() { return id; }
    @Override
    public String getCode() { return code; }
    @Override
    public long getVersion() { return version; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
