package com.careloop.fieldservice.failure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import com.careloop.platform.Auditable;
import com.careloop.platform.DomainException;
import com.careloop.platform.Text;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A warranty part returned from a field service or a claim (不良品(三包件)信息反馈表 Q/JL100101): recorded with its
 * failure description and sent to quality; quality records the analysis (cause, responsibility, action); closed.
 */
@Entity
@Table(name = "warranty_feedback")
public class WarrantyFeedback implements Auditable {

    public static final String RECORD_TYPE = "warranty-feedback";

    /** Sent to quality, analysed by quality, closed. */
    public enum Status { SENT, ANALYSED, CLOSED }

    /** Who is responsible for the defect: the supplier, production, design, or the customer's use. */
    public enum Responsibility { SUPPLIER, PRODUCTION, DESIGN, USE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    @Enumerated(EnumType.STRING)
    private FailureSource sourceType;
    private long sourceId;
    private String sourceCode;
    private Long customerId;
    private String customerName;
    private String product;
    private String part;
    private int quantity;
    private String serialNo;
    private String batchNo;
    private LocalDate failedOn;
    private String modeCode;
    private String failureDescription;
    @Enumerated(EnumType.STRING)
    private Status status;
    private Long qualityUserId;
    private String cause;
    @Enumerated(EnumType.STRING)
    private Responsibility responsibility;
    private String actionTaken;
    private String analysedBy;
    private Instant analysedAt;
    private Instant closedAt;
    private Long failureId;
    private String createdByName;
    @Version
    private long version;
    private Instant createdAt;
    private Instant updatedAt;

    protected WarrantyFeedback() {
    }

    /** The returned part as recorded. */
    public record Part(String product, String part, int quantity, String serialNo, String batchNo, LocalDate failedOn,
                       String mode, String description) {
    }

    static WarrantyFeedback record(String code, SourceRecords.Source source, Part p, Long qualityUserId, String by,
                                   Instant at) {
        WarrantyFeedback w = new WarrantyFeedback();
        w.code = code;
        w.sourceType = source.type();
        w.sourceId = source.id();
        w.sourceCode = source.code();
        w.customerId = source.customerId();
        w.customerName = source.customerName();
        w.product = p.product().trim();
        w.part = p.part().trim();
        w.quantity = p.quantity();
        w.serialNo = ProductFailure.blankToNull(p.serialNo());
        w.batchNo = ProductFailure.blankToNull(p.batchNo());
        w.failedOn = p.failedOn();
        w.modeCode = p.mode();
        w.failureDescription = p.description().trim();
        w.status = Status.SENT;
        w.qualityUserId = qualityUserId;
        w.createdByName = by;
        w.createdAt = at;
        w.updatedAt = at;
        return w;
    }

    void linkFailure(long failureId) {
        this.failureId = failureId;
    }

    /** Quality's analysis; only once, while the part is with quality (409 otherwise). */
    void analyse(String cause, Responsibility responsibility, String action, String by, Instant at) {
        require(Status.SENT, "analyse");
        this.cause = cause.trim();
        this.responsibility = responsibility;
        this.actionTaken = action.trim();
        this.analysedBy = by;
        this.analysedAt = at;
        this.status = Status.ANALYSED;
        this.updatedAt = at;
    }

    /** Closes the feedback once analysed (409 before). */
    void close(Instant at) {
        require(Status.ANALYSED, "close");
        this.status = Status.CLOSED;
        this.closedAt = at;
        this.updatedAt = at;
    }

    private void require(Status expected, String step) {
        if (status != expected) {
            throw new DomainException("fieldhistory.warranty-state", Text.of("error.fieldhistory.warranty-state",
                    Text.label("fieldhistory.warranty.status", status), Text.of("fieldhistory.warranty.step." + step)));
        }
    }

    @Override
    public String auditType() {
        return RECORD_TYPE;
    }

    @Override
    public String auditId() {
        return code;
    }

    @Override
    public Map<String, Object> auditState() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", sourceType + " " + sourceCode);
        m.put("product", product);
        m.put("part", part);
        m.put("quantity", quantity);
        m.put("serialNo", serialNo);
        m.put("batchNo", batchNo);
        m.put("failedOn", failedOn);
        m.put("mode", modeCode);
        m.put("failureDescription", failureDescription);
        m.put("status", status);
        m.put("qualityUserId", qualityUserId);
        m.put("cause", cause);
        m.put("responsibility", responsibility);
        m.put("action", actionTaken);
        m.put("failureId", failureId);
        return m;
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public FailureSource getSourceType() { return sourceType; }
    public long getSourceId() { return sourceId; }
    public String getSourceCode() { return sourceCode; }
    public Long getCustomerId() { return customerId; }
    public String getCustomerName() { return customerName; }
    public String getProduct() { return product; }
    public String getPart() { return part; }
    public int getQuantity() { return quantity; }
    public String getSerialNo() { return serialNo; }
    public String getBatchNo() { return batchNo; }
    public LocalDate getFailedOn() { return failedOn; }
    public String getModeCode() { return modeCode; }
    public String getFailureDescription() { return failureDescription; }
    public Status getStatus() { return status; }
    public Long getQualityUserId() { return qualityUserId; }
    public String getCause() { return cause; }
    public Responsibility getResponsibility() { return responsibility; }
    public String getActionTaken() { return actionTaken; }
    public String getAnalysedBy() { return analysedBy; }
    public Instant getAnalysedAt() { return analysedAt; }
    public Instant getClosedAt() { return closedAt; }
    public Long getFailureId() { return failureId; }
    public String getCreatedByName() { return createdByName; }
    public long getVersion() { return version; }
    public Instant getCreatedAt() { return createdAt; }
}
