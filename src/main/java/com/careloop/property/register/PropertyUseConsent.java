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
 * The customer's consent to use the item for a purpose other than the designated one (004-C3 "未经顾客同意不得擅自挪作它用"):
 * the purpose, who of the customer consented, when, and the reference of the letter or mail.
 */
@Entity
@Table(name = "customer_property_use_consent")
public class PropertyUseConsent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "item_id")
    private PropertyItem item;
    private String purpose;
    private String consentedBy;
    private LocalDate consentedOn;
    private String reference;
    private String recordedBy;
    private Instant recordedAt;

    protected PropertyUseConsent() {
    }

    PropertyUseConsent(PropertyItem item, String purpose, String consentedBy, LocalDate consentedOn, String reference,
                       String actor, Instant now) {
        this.item = item;
        this.purpose = purpose;
        this.consentedBy = consentedBy;
        this.consentedOn = consentedOn;
        this.reference = reference;
        this.recordedBy = actor;
        this.recordedAt = now;
    }

    public Long getId() { return id; }
    public String getPurpose() { return purpose; }
    public String getConsentedBy() { return consentedBy; }
    public LocalDate getConsentedOn() { return consentedOn; }
    public String getReference() { return reference; }
    public String getRecordedBy() { return recordedBy; }
    public Instant getRecordedAt() { return recordedAt; }
}
