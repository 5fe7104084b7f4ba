package com.careloop.property.register;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/**
 * A revision (版本) of a customer's drawing or specification, controlled like an internal document (004-C4): its date
 * of issue, the day it arrived, the departments holding a copy; superseded (作废) when the next revision arrives, or
 * withdrawn (收回) with a reason, and kept. Each department holding a copy confirms its receipt, and, once the
 * revision is no longer valid, that its copies were returned or destroyed ({@link PropertyCopyAck}).
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
    /** How it ended: {@link #SUPERSEDED} by the next revision or {@link #WITHDRAWN}; null while in use. */
    private String endKind;
    private String withdrawnReason;
    private String withdrawnBy;
    private Instant withdrawnAt;
    private String recordedBy;
    private Instant recordedAt;
    @OneToMany(mappedBy = "revision", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<PropertyCopyAck> acks = new ArrayList<>();

    protected PropertyRevision() {
    }

    PropertyRevision(PropertyItem item, String revision, LocalDate issuedOn, LocalDate receivedOn,
                     List<Long> distribution, String actor, Instant now) {
        this.item = item;
        this.revision = revision;
        this.issuedOn = issuedOn;
        this.receivedOn = receivedOn;
        this.recordedBy = actor;
        this.recordedAt = now;
        distribute(distribution, now);
    }

    public static final String SUPERSEDED = "SUPERSEDED";
    public static final String WITHDRAWN = "WITHDRAWN";

    /** The next revision arrived: no longer valid from that day; the holders return or destroy their copies. */
    void supersede(LocalDate on, Instant now) {
        this.supersededOn = on;
        this.endKind = SUPERSEDED;
        askForReturn(now);
    }

    /** Withdrawn (作废/收回) with a reason: a superseded one keeps its end date, one in use ends today. */
    void withdraw(String reason, LocalDate today, String actor, Instant now) {
        if (supersededOn == null) {
            this.supersededOn = today;
        }
        this.endKind = WITHDRAWN;
        this.withdrawnReason = reason;
        this.withdrawnBy = actor;
        this.withdrawnAt = now;
        askForReturn(now);
    }

    /** More departments get a copy: each is to confirm its receipt. Returns the departments new to the list. */
    List<Long> distribute(List<Long> departments, Instant now) {
        List<Long> held = new ArrayList<>(getDistribution());
        List<Long> added = departments.stream().filter(d -> !held.contains(d)).distinct().toList();
        held.addAll(added);
        this.distribution = held.isEmpty() ? null : held.stream().map(String::valueOf).collect(Collectors.joining(","));
        added.forEach(d -> acks.add(new PropertyCopyAck(this, item.getId(), PropertyCopyAck.RECEIPT, d, now)));
        return added;
    }

    /** Every department holding a copy is to confirm it returned or destroyed it (once per department). */
    private void askForReturn(Instant now) {
        for (Long d : getDistribution()) {
            if (ack(PropertyCopyAck.RETURN, d).isEmpty()) {
                acks.add(new PropertyCopyAck(this, item.getId(), PropertyCopyAck.RETURN, d, now));
            }
        }
    }

    private Optional<PropertyCopyAck> ack(String kind, long department) {
        return acks.stream().filter(a -> a.getKind().equals(kind) && a.getDepartmentId() == department).findFirst();
    }

    /** The acknowledgements of this kind still open. */
    public Stream<PropertyCopyAck> outstanding(String kind) {
        return acks.stream().filter(a -> a.getKind().equals(kind) && a.isOutstanding());
    }

    public boolean isCurrent() {
        return endKind == null && supersededOn == null;
    }

    public boolean isWithdrawn() {
        return WITHDRAWN.equals(endKind);
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
    public String getEndKind() { return endKind; }
    public String getWithdrawnReason() { return withdrawnReason; }
    public String getWithdrawnBy() { return withdrawnBy; }
    public Instant getWithdrawnAt() { return withdrawnAt; }
    public List<PropertyCopyAck> getAcks() { return acks; }
    public String getRecordedBy() { return recordedBy; }
    public Instant getRecordedAt() { return recordedAt; }
}
