package com.careloop.property.register;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A revision (版本) of a customer's drawing or specification, controlled like an internal document (004-C4): its date
 * of issue, the day it arrived, the departments holding a copy; superseded (作废) when the next revision arrives, and
 * kept.
 */
@Entity
@Table(name = "customer_property_revision")
public class PropertyRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "item_id")
    private PropertyItem item;
    private String revision;
    private LocalDate issuedOn;
    private LocalDate receivedOn;
    private String distribution;
    private LocalDate supersededOn;
    private String recordedBy;
    private Instant recordedAt;

    protected PropertyRevision() {
    }

    PropertyRevision(PropertyItem item, String revision, LocalDate issuedOn, LocalDate receivedOn,
                     List<Long> distribution, String actor, Instant now) {
        this.item = item;
        this.revision = revision;
        this.issuedOn = issuedOn;
        this.receivedOn = receivedOn;
        this.distribution = distribution.isEmpty() ? null
                : distribution.stream().map(String::valueOf).collect(Collectors.joining(","));
        this.recordedBy = actor;
        this.recordedAt = now;
    }

    void supersede(LocalDate on) {
        this.supersededOn = on;
    }

    public boolean isCurrent() {
        return supersededOn == null;
    }

    /** The departments holding a copy, by id. */
    public List<Long> getDistribution() {
        return distribution == null ? List.of() : Arrays.stream(distribution.split(",")).map(Long::valueOf).toList();
    }

    public Long getId() { return id; }
    public String getRevision() { return revision; }
    public LocalDate getIssuedOn() { return issuedOn; }
    public LocalDate getReceivedOn() { return receivedOn; }
    public LocalDate getSupersededOn() { return supersededOn; }
    public String getRecordedBy() { return recordedBy; }
    public Instant getRecordedAt() { return recordedAt; }
}
