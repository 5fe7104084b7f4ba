package com.careloop.contract.tender;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import com.careloop.platform.Auditable;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
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
 * A tender (招投标) before bidding: registered by sales, countersigned by the departments of chain
 * {@code tender.review} (投标评审), decided BID / NO_BID by the sales manager (and the general manager above the major
 * threshold), then WON (becomes a contract) or LOST.
 */
@Entity
@Table(name = "tender")
public class Tender implements Auditable {

    public static final String RECORD_TYPE = "tender";

    public enum Status { DRAFT, UNDER_REVIEW, REVIEWED, AWAITING_GM, BID, NO_BID, WON, LOST }

    public enum Decision { BID, NO_BID }

    public enum Result { WON, LOST }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String number;
    private long customerId;
    private String customerName;
    private String tenderNo;
    private String title;
    private LocalDate bidDeadline;
    private String scope;
    private BigDecimal estimatedAmount;
    private String requirements;
    private long salespersonId;
    private Long departmentId;
    private long registeredBy;
    @Enumerated(EnumType.STRING)
    private Status status;
    /** The countersign's outcome: APPROVED or REJECTED (a department could not accept). */
    private String countersign;
    private String decisionComment;
    private Long decidedBy;
    private Instant decidedAt;
    private String resultComment;
    private Long contractId;
    private Instant submittedAt;
    @Version
    private long version;
    private Instant createdAt;
    private Instant updatedAt;

    protected Tender() {
    }

    static Tender register(String number, long customerId, String customerName, String tenderNo, String title,
                           LocalDate bidDeadline, String scope, BigDecimal estimatedAmount, String requirements,
                           long salespersonId, Long departmentId, long registeredBy, LocalDate today, Instant now) {
        if (title == null || title.isBlank()) {
            throw new InvalidInputException("title", "required", Text.of("error.contract.required", "title"));
        }
        if (scope == null || scope.isBlank()) {
            throw new InvalidInputException("scope", "required", Text.of("error.contract.required", "scope"));
        }
        if (bidDeadline == null) {
            throw new InvalidInputException("bidDeadline", "required", Text.of("error.contract.required", "bidDeadline"));
        }
        if (bidDeadline.isBefore(today)) {
            throw new InvalidInputException("bidDeadline", "future", Text.of("error.tender.deadline-past"));
        }
        if (estimatedAmount == null || estimatedAmount.signum() < 0 || estimatedAmount.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException("estimatedAmount", "amount", Text.of("error.tender.amount"));
        }
        Tender t = new Tender();
        t.number = number;
        t.customerId = customerId;
        t.customerName = customerName;
        t.tenderNo = blank(tenderNo);
        t.title = title.strip();
        t.bidDeadline = bidDeadline;
        t.scope = scope.strip();
        t.estimatedAmount = estimatedAmount.setScale(2, RoundingMode.UNNECESSARY);
        t.requirements = blank(requirements);
        t.salespersonId = salespersonId;
        t.departmentId = departmentId;
        t.registeredBy = registeredBy;
        t.status = Status.DRAFT;
        t.createdAt = now;
        t.updatedAt = now;
        return t;
    }

    /** 提交评审: the countersign starts. */
    void submit(Instant now) {
        require(Status.DRAFT);
        status = Status.UNDER_REVIEW;
        submittedAt = now;
        updatedAt = now;
    }

    /** The countersign ended (APPROVED, REJECTED or WITHDRAWN). */
    void countersignEnded(String outcome, Instant now) {
        require(Status.UNDER_REVIEW);
        if ("WITHDRAWN".equals(outcome)) {
            status = Status.DRAFT;
        } else {
            countersign = outcome;
            status = Status.REVIEWED;
        }
        updatedAt = now;
    }

    /**
     * The sales manager's decision: bid or not. After a department could not accept only NO_BID; a bid above the
     * major threshold goes on to the general manager ({@code major}).
     */
    void decide(Decision decision, String comment, boolean major, long by, Instant now) {
        require(Status.REVIEWED);
        if (decision == null) {
            throw new InvalidInputException("decision", "required", Text.of("error.contract.required", "decision"));
        }
        if (decision == Decision.BID && "REJECTED".equals(countersign)) {
            throw new DomainException("tender.countersign-rejected", Text.of("error.tender.countersign-rejected"));
        }
        if (decision == Decision.NO_BID && (comment == null || comment.isBlank())) {
            throw new InvalidInputException("comment", "required", Text.of("error.contract.required", "comment"));
        }
        decisionComment = blank(comment);
        decidedBy = by;
        decidedAt = now;
        status = decision == Decision.NO_BID ? Status.NO_BID : major ? Status.AWAITING_GM : Status.BID;
        updatedAt = now;
    }

    /** The general manager's approval of a major bid. */
    void gmDecided(boolean approved, Instant now) {
        require(Status.AWAITING_GM);
        status = approved ? Status.BID : Status.NO_BID;
        updatedAt = now;
    }

    /** 中标 / 未中标. A won tender carries the contract it became. */
    void result(Result result, String comment, Long contractId, Instant now) {
        require(Status.BID);
        if (result == null) {
            throw new InvalidInputException("result", "required", Text.of("error.contract.required", "result"));
        }
        status = result == Result.WON ? Status.WON : Status.LOST;
        resultComment = blank(comment);
        this.contractId = contractId;
        updatedAt = now;
    }

    private void require(Status expected) {
        if (status != expected) {
            throw new DomainException("tender.wrong-stage", Text.of("error.tender.wrong-stage",
                    Text.label("tender.status", status)));
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
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
        s.put("customerId", customerId);
        s.put("tenderNo", tenderNo);
        s.put("title", title);
        s.put("bidDeadline", bidDeadline);
        s.put("estimatedAmount", estimatedAmount);
        s.put("status", status);
        s.put("countersign", countersign);
        s.put("decisionComment", decisionComment);
        s.put("resultComment", resultComment);
        s.put("contractId", contractId);
        return s;
    }

    public Long getId() { return id; }
    public String getNumber() { return number; }
    public long getCustomerId() { return customerId; }
    public String getCustomerName() { return customerName; }
    public String getTenderNo() { return tenderNo; }
    public String getTitle() { return title; }
    public LocalDate getBidDeadline() { return bidDeadline; }
    public String getScope() { return scope; }
    public BigDecimal getEstimatedAmount() { return estimatedAmount; }
    public String getRequirements() { return requirements; }
    public long getSalespersonId() { return salespersonId; }
    public Long getDepartmentId() { return departmentId; }
    public long getRegisteredBy() { return registeredBy; }
    public Status getStatus() { return status; }
    public String getCountersign() { return countersign; }
    public String getDecisionComment() { return decisionComment; }
    public Long getDecidedBy() { return decidedBy; }
    public Instant getDecidedAt() { return decidedAt; }
    public String getResultComment() { return resultComment; }
    public Long getContractId() { return contractId; }
    public Instant getSubmittedAt() { return submittedAt; }
    public long getVersion() { return version; }
}
