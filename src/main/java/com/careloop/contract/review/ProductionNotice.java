package com.careloop.contract.review;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import com.careloop.contract.ResolutionMethod;
import com.careloop.platform.Auditable;
import com.careloop.platform.DomainException;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The production task notice (生产任务通知单, seed 002 §5.2.6 "业务部开出《生产单》给生产部"): issued when a contract
 * is accepted, numbered, with a snapshot of the lines, the required delivery date and the special requirements, so
 * that later changes to the contract never alter what production received. Production's receiver acknowledges it
 * once (§5.3.2 "由生产部门接收人签名确认").
 */
@Entity
@Table(name = "contract_production_notice")
public class ProductionNotice implements Auditable {

    public static final String RECORD_TYPE = "contract-production-notice";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long contractId;
    private String number;
    private String contractNumber;
    private String customerName;
    private String customerNumber;
    private LocalDate deliveryDate;
    private String specialRequirements;
    private String lines;
    private Instant issuedAt;
    private String issuedByName;
    private Long acknowledgedBy;
    private String acknowledgedByName;
    private Instant acknowledgedAt;
    /** The notice this revision replaces (002-A16), null for the first notice. */
    private Long revisionOf;
    private String shortfallReason;
    private LocalDate shortfallDate;
    private BigDecimal shortfallQuantity;
    private String shortfallByName;
    private Instant shortfallAt;
    @Enumerated(EnumType.STRING)
    private ResolutionMethod agreedMethod;
    private LocalDate agreedOn;
    private String agreedWith;
    private String agreed;
    /** The revision issued after the agreement with the customer. */
    private Long revisedBy;
    @Version
    private long version;

    protected ProductionNotice() {
    }

    /** A notice for an accepted contract; {@code lines} is the JSON snapshot of the contract's lines. */
    static ProductionNotice issue(String number, Contract c, String lines, String issuedByName, Instant now) {
        ProductionNotice n = new ProductionNotice();
        n.number = number;
        n.contractId = c.getId();
        n.contractNumber = c.getNumber();
        n.customerName = c.getCustomerName();
        n.customerNumber = c.getCustomerNumber();
        n.deliveryDate = c.getDeliveryDate();
        n.specialRequirements = c.getSpecialRequirements();
        n.lines = lines;
        n.issuedAt = now;
        n.issuedByName = issuedByName;
        return n;
    }

    /**
     * The revision of {@code previous} issued after production could not meet it and sales agreed with the customer
     * (002-A16): same contract, the agreed delivery date and lines.
     */
    static ProductionNotice revise(String number, ProductionNotice previous, LocalDate deliveryDate, String lines,
                                   String issuedByName, Instant now) {
        ProductionNotice n = new ProductionNotice();
        n.number = number;
        n.contractId = previous.contractId;
        n.contractNumber = previous.contractNumber;
        n.customerName = previous.customerName;
        n.customerNumber = previous.customerNumber;
        n.deliveryDate = deliveryDate;
        n.specialRequirements = previous.specialRequirements;
        n.lines = lines;
        n.issuedAt = now;
        n.issuedByName = issuedByName;
        n.revisionOf = previous.id;
        return n;
    }

    /**
     * Production reports that the company cannot meet this notice (002-A16 "生产部门无法满足时"): the reason and the
     * date and/or quantity it can make. Refused (409) on a notice already replaced or with a report still open.
     */
    void reportCannotMeet(String reason, LocalDate proposedDate, BigDecimal proposedQuantity, Contract.Actor by,
                          Instant now) {
        requireCurrent();
        if (shortfallAt != null) {
            throw DomainException.of("contract.notice-shortfall-open", number, shortfallByName);
        }
        shortfallReason = reason;
        shortfallDate = proposedDate;
        shortfallQuantity = proposedQuantity;
        shortfallByName = by.name();
        shortfallAt = now;
    }

    /** 409 unless production reported this notice cannot be met and no revision was issued yet. */
    void requireOpenShortfall() {
        requireCurrent();
        if (shortfallAt == null) {
            throw DomainException.of("contract.notice-no-shortfall", number);
        }
    }

    /** Sales recorded the agreement with the customer; {@code revision} is the new notice that replaces this one. */
    void agreed(ResolutionMethod method, LocalDate on, String with, String what, ProductionNotice revision) {
        requireOpenShortfall();
        agreedMethod = method;
        agreedOn = on;
        agreedWith = with;
        agreed = what;
        revisedBy = revision.getId();
    }

    private void requireCurrent() {
        if (revisedBy != null) {
            throw DomainException.of("contract.notice-revised", number);
        }
    }

    /** Production's receiver signs for the notice; once only (409 {@code contract.notice-acknowledged}). */
    void acknowledge(Contract.Actor by, Instant now) {
        if (acknowledgedAt != null) {
            throw DomainException.of("contract.notice-acknowledged", number, acknowledgedByName);
        }
        acknowledgedBy = by.id();
        acknowledgedByName = by.name();
        acknowledgedAt = now;
    }

    public boolean isAcknowledged() {
        return acknowledgedAt != null;
    }

    @Override
    public String auditType() {
        return RECORD_TYPE;
    }

    @Override
    public String auditId() {
        return String.valueOf(id);
    }

    @Override
    public Map<String, Object> auditState() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("number", number);
        s.put("contractId", contractId);
        s.put("contractNumber", contractNumber);
        s.put("deliveryDate", deliveryDate);
        s.put("acknowledgedBy", acknowledgedBy);
        s.put("acknowledgedAt", acknowledgedAt);
        s.put("revisionOf", revisionOf);
        s.put("shortfallReason", shortfallReason);
        s.put("shortfallDate", shortfallDate);
        s.put("shortfallQuantity", shortfallQuantity);
        s.put("agreedMethod", agreedMethod);
        s.put("agreedOn", agreedOn);
        s.put("agreedWith", agreedWith);
        s.put("agreed", agreed);
        s.put("revisedBy", revisedBy);
        return s;
    }

    public Long getId() { return id; }
    public long getContractId() { return contractId; }
    public String getNumber() { return number; }
    public String getContractNumber() { return contractNumber; }
    public String getCustomerName() { return customerName; }
    public String getCustomerNumber() { return customerNumber; }
    public LocalDate getDeliveryDate() { return deliveryDate; }
    public String getSpecialRequirements() { return specialRequirements; }
    public String getLines() { return lines; }
    public Instant getIssuedAt() { return issuedAt; }
    public String getIssuedByName() { return issuedByName; }
    public Long getAcknowledgedBy() { return acknowledgedBy; }
    public String getAcknowledgedByName() { return acknowledgedByName; }
    public Instant getAcknowledgedAt() { return acknowledgedAt; }
    public long getVersion() { return version; }
    public Long getRevisionOf() { return revisionOf; }
    public String getShortfallReason() { return shortfallReason; }
    public LocalDate getShortfallDate() { return shortfallDate; }
    public BigDecimal getShortfallQuantity() { return shortfallQuantity; }
    public String getShortfallByName() { return shortfallByName; }
    public Instant getShortfallAt() { return shortfallAt; }
    public ResolutionMethod getAgreedMethod() { return agreedMethod; }
    public LocalDate getAgreedOn() { return agreedOn; }
    public String getAgreedWith() { return agreedWith; }
    public String getAgreed() { return agreed; }
    public Long getRevisedBy() { return revisedBy; }
}
