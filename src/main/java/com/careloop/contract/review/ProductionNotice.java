package com.careloop.contract.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import com.careloop.platform.Auditable;
import com.careloop.platform.DomainException;

import jakarta.persistence.Entity;
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
}
