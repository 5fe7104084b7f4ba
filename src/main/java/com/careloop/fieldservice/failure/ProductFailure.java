package com.careloop.fieldservice.failure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import com.careloop.platform.Auditable;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One row of the product failure history (产品失败履历 Q/JL081302): product, part, serial/batch when known, date,
 * failure mode, cause, action, and the record it came from. A row is a fact: it may be corrected, never deleted.
 */
@Entity
@Table(name = "product_failure")
public class ProductFailure implements Auditable {

    public static final String RECORD_TYPE = "product-failure";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String product;
    private String part;
    private String serialNo;
    private String batchNo;
    private LocalDate failedOn;
    private String modeCode;
    private String description;
    private String cause;
    private String actionTaken;
    @Enumerated(EnumType.STRING)
    private FailureSource sourceType;
    private Long sourceId;
    private String sourceCode;
    private String sourceKey;
    private Long customerId;
    private String customerName;
    private String recordedBy;
    @Version
    private long version;
    private Instant createdAt;

    protected ProductFailure() {
    }

    /** What was found. */
    public record Facts(String product, String part, String serialNo, String batchNo, LocalDate failedOn, String mode,
                        String description, String cause, String action) {
    }

    /** The record it came from (its customer as that record names it); {@code key} makes an intake idempotent. */
    public record Origin(FailureSource type, Long id, String code, Long customerId, String customerName, String key) {
    }

    static ProductFailure record(Facts f, Origin o, String by, Instant at) {
        ProductFailure p = new ProductFailure();
        p.product = f.product().trim();
        p.part = blankToNull(f.part());
        p.serialNo = blankToNull(f.serialNo());
        p.batchNo = blankToNull(f.batchNo());
        p.failedOn = f.failedOn();
        p.modeCode = f.mode();
        p.description = blankToNull(f.description());
        p.cause = blankToNull(f.cause());
        p.actionTaken = blankToNull(f.action());
        p.sourceType = o.type();
        p.sourceId = o.id();
        p.sourceCode = o.code();
        p.sourceKey = o.key();
        p.customerId = o.customerId();
        p.customerName = o.customerName();
        p.recordedBy = by;
        p.createdAt = at;
        return p;
    }

    /** Quality's later cause and action (e.g. from the warranty-part analysis). */
    void analysed(String cause, String action) {
        this.cause = blankToNull(cause);
        this.actionTaken = blankToNull(action);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
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
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("product", product);
        m.put("part", part);
        m.put("serialNo", serialNo);
        m.put("batchNo", batchNo);
        m.put("failedOn", failedOn);
        m.put("mode", modeCode);
        m.put("description", description);
        m.put("cause", cause);
        m.put("action", actionTaken);
        m.put("source", sourceType + (sourceCode == null ? "" : " " + sourceCode));
        m.put("customer", customerName);
        return m;
    }

    public Long getId() {
        return id;
    }

    public String getProduct() {
        return product;
    }

    public String getModeCode() {
        return modeCode;
    }

    public LocalDate getFailedOn() {
        return failedOn;
    }

    public long getVersion() {
        return version;
    }
}
