package com.careloop.property.register;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A movement of an item: RECEIVED (registration), HAND_OVER (pending until the receiving department signs), RETURN
 * to the customer, SCRAP. Each is signed: the hand-over by the receiving department, the others by who did it.
 */
@Entity
@Table(name = "customer_property_movement")
public class PropertyMovement {

    public static final String RECEIVED = "RECEIVED";
    public static final String HAND_OVER = "HAND_OVER";
    public static final String RETURN = "RETURN";
    public static final String SCRAP = "SCRAP";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "item_id")
    private PropertyItem item;
    private String kind;
    private Long fromDepartmentId;
    private Long toDepartmentId;
    private String note;
    private String requestedBy;
    private Instant requestedAt;
    private String signedBy;
    private Long signedById;
    private LocalDate signedOn;
    private Instant signedAt;
    /** What for, when not the designated use (004-C3), and the customer's consent it rests on. */
    private String purpose;
    private Long consentId;

    protected PropertyMovement() {
    }

    PropertyMovement(PropertyItem item, String kind, Long from, Long to, String note, String actor, Instant now) {
        this.item = item;
        this.kind = kind;
        this.fromDepartmentId = from;
        this.toDepartmentId = to;
        this.note = note;
        this.requestedBy = actor;
        this.requestedAt = now;
    }

    void sign(String by, Long byId, LocalDate on, Instant now) {
        this.signedBy = by;
        this.signedById = byId;
        this.signedOn = on;
        this.signedAt = now;
    }

    void forPurpose(String purpose, Long consentId) {
        this.purpose = purpose;
        this.consentId = consentId;
    }

    public boolean isPending() {
        return signedAt == null;
    }

    public Long getId() { return id; }
    public String getKind() { return kind; }
    public Long getFromDepartmentId() { return fromDepartmentId; }
    public Long getToDepartmentId() { return toDepartmentId; }
    public String getNote() { return note; }
    public String getRequestedBy() { return requestedBy; }
    public Instant getRequestedAt() { return requestedAt; }
    public String getSignedBy() { return signedBy; }
    public LocalDate getSignedOn() { return signedOn; }
    public String getPurpose() { return purpose; }
    public Long getConsentId() { return consentId; }
}
