package com.careloop.complaint.claim;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import com.careloop.complaint.ClaimStatus;
import com.careloop.complaint.InspectionMethod;
import com.careloop.complaint.Responsibility;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.Text;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import static com.careloop.complaint.ClaimStatus.AGREED;
import static com.careloop.complaint.ClaimStatus.APPROVED;
import static com.careloop.complaint.ClaimStatus.CLOSED;
import static com.careloop.complaint.ClaimStatus.EVIDENCE;
import static com.careloop.complaint.ClaimStatus.INSPECTED;
import static com.careloop.complaint.ClaimStatus.PROPOSED;
import static com.careloop.complaint.ClaimStatus.REGISTERED;
import static com.careloop.complaint.ClaimStatus.RESPONSIBILITY;
import static com.careloop.complaint.ClaimStatus.SETTLED;
import static com.careloop.complaint.claim.Rules.blank;
import static com.careloop.complaint.claim.Rules.money;
import static com.careloop.complaint.claim.Rules.required;
import static com.careloop.complaint.claim.Rules.text;

/**
 * A claim (索赔) as the steps of the procedure: registered, evidence (text and photos), inspected (goods sent
 * back or on site), responsibility determined, settlement proposed, approved (within the approver's limit),
 * agreed with the customer, settled — or rejected by the customer back to a new proposal, or closed without
 * payment when the customer is responsible. Each step checks the state (409 naming it).
 */
@Entity
@Table(name = "claim")
public class Claim extends TrackedRecord {

    public static final String RECORD_TYPE = "claim";

    /** What is captured at registration; customer name and code are a snapshot. */
    public record Registration(long customerId, String customerName, String customerCode, Long complaintId,
                               String product, String orderNumber, BigDecimal claimedAmount, String description) {
    }

    private long customerId;
    private String customerName;
    private String customerCode;
    private Long complaintId;
    private String product;
    private String orderNumber;
    private BigDecimal claimedAmount;
    private String description;
    @Enumerated(EnumType.STRING)
    private ClaimStatus status;
    @Enumerated(EnumType.STRING)
    private InspectionMethod inspectionMethod;
    private String findings;
    private String inspector;
    private LocalDate inspectedOn;
    @Enumerated(EnumType.STRING)
    private Responsibility responsibility;
    private BigDecimal ourSharePercent;
    private String responsibilityNote;
    private BigDecimal proposedAmount;
    private String proposedBy;
    private Instant proposedAt;
    private String rejectionComment;
    private String approvedBy;
    private String approverPosition;
    private Instant approvedAt;
    private String agreedHow;
    private Instant agreedAt;
    private String agreedBy;
    private BigDecimal settledAmount;
    private LocalDate settledOn;
    private String paymentReference;
    private Instant closedAt;
    private long registeredBy;
    private String registeredByName;

    protected Claim() {
    }

    private Claim(String code, Instant now) {
        super(code, now);
    }

    public static Claim register(String code, Registration in, long byId, String byName, Instant now) {
        Claim c = new Claim(code, now);
        c.customerId = in.customerId();
        c.customerName = in.customerName();
        c.customerCode = in.customerCode();
        c.complaintId = in.complaintId();
        c.product = text("product", in.product());
        c.orderNumber = blank(in.orderNumber());
        c.claimedAmount = money("claimedAmount", in.claimedAmount());
        c.description = text("description", in.description());
        c.status = REGISTERED;
        c.registeredBy = byId;
        c.registeredByName = byName;
        return c;
    }

    /** 证据: a text note or a photo; the first one moves the claim to EVIDENCE; more may follow until inspection. */
    public void addEvidence() {
        requireState("add evidence to", REGISTERED, EVIDENCE);
        status = EVIDENCE;
    }

    /** 检验: the goods sent back (RETURNED_GOODS) or inspected at the customer (ON_SITE), findings, inspector and date. */
    public void inspect(InspectionMethod method, String findings, String inspector, LocalDate on, LocalDate today) {
        requireState("inspect", EVIDENCE);
        this.inspectionMethod = required("method", method);
        this.findings = text("findings", findings);
        this.inspector = text("inspector", inspector);
        if (required("inspectedOn", on).isAfter(today)) {
            throw new InvalidInputException("inspectedOn", "past", Text.of("error.complaint.inspectedon-cannot-future"));
        }
        this.inspectedOn = on;
        status = INSPECTED;
    }

    /** 责任判定: OURS, CUSTOMER, CARRIER or SHARED with our share in per cent (more than 0, less than 100). */
    public void determineResponsibility(Responsibility responsibility, BigDecimal ourShare, String note) {
        requireState("determine the responsibility of", INSPECTED);
        this.responsibility = required("responsibility", responsibility);
        if (responsibility == Responsibility.SHARED) {
            required("ourSharePercent", ourShare);
            if (ourShare.signum() <= 0 || ourShare.compareTo(new BigDecimal("100")) >= 0 || ourShare.scale() > 2) {
                throw new InvalidInputException("ourSharePercent", "range",
                        Text.of("error.complaint.our-share-more-than"));
            }
            this.ourSharePercent = ourShare.setScale(2);
        } else {
            this.ourSharePercent = null;
        }
        this.responsibilityNote = blank(note);
        status = RESPONSIBILITY;
    }

    /** 赔偿方案: the proposed amount (>= 0); again after a rejection. Not when the customer is responsible. */
    public void propose(BigDecimal amount, String by, Instant now) {
        requireState("propose a settlement for", RESPONSIBILITY, PROPOSED);
        if (responsibility == Responsibility.CUSTOMER) {
            throw new DomainException("claim.customer-responsible", Text.of("error.complaint.customer-responsible"), Map.of("status", status.name()));
        }
        this.proposedAmount = money("proposedAmount", amount);
        this.proposedBy = by;
        this.proposedAt = now;
        status = PROPOSED;
    }

    /** 审批: within the approver's limit (checked by the caller with {@link ApprovalLimits}). */
    public void approve(String by, String position, Instant now) {
        requireState("approve", PROPOSED);
        this.approvedBy = by;
        this.approverPosition = position;
        this.approvedAt = now;
        this.rejectionComment = null;
        status = APPROVED;
    }

    /** 驳回: the approver sends the proposal back with a comment; the claim stays PROPOSED for a new proposal. */
    public void reject(String comment) {
        requireState("reject", PROPOSED);
        this.rejectionComment = text("comment", comment);
    }

    /** 顾客同意: how, when and who agreed for the customer. */
    public void agree(String how, Instant at, String who, Instant now) {
        requireState("record the customer's agreement to", APPROVED);
        this.agreedHow = text("how", how);
        Instant when = at == null ? now : at;
        if (when.isAfter(now)) {
            throw new InvalidInputException("agreedAt", "past", Text.of("error.complaint.agreedat-cannot-future"));
        }
        this.agreedAt = when;
        this.agreedBy = text("agreedBy", who);
        status = AGREED;
    }

    /** The customer refuses the approved settlement: back to PROPOSED for a new proposal (and approval). */
    public void rejectedByCustomer(String comment) {
        requireState("record the customer's refusal of", APPROVED);
        this.rejectionComment = text("comment", comment);
        this.approvedBy = null;
        this.approverPosition = null;
        this.approvedAt = null;
        status = PROPOSED;
    }

    /** 结算: the amount actually paid (>= 0), the day and the payment reference. */
    public void settle(BigDecimal amount, LocalDate on, String reference, LocalDate today) {
        requireState("settle", AGREED);
        this.settledAmount = money("settledAmount", amount);
        LocalDate day = on == null ? today : on;
        if (day.isAfter(today)) {
            throw new InvalidInputException("settledOn", "past", Text.of("error.complaint.settledon-cannot-future"));
        }
        this.settledOn = day;
        this.paymentReference = text("paymentReference", reference);
        status = SETTLED;
    }

    /** 不予赔付结案: only when the responsibility was found to be the customer's. */
    public void closeWithoutPayment(Instant now) {
        requireState("close", RESPONSIBILITY);
        if (responsibility != Responsibility.CUSTOMER) {
            throw new DomainException("claim.not-customer-responsible", Text.of("error.complaint.not-customer-responsible", String.valueOf(responsibility)),

                    Map.of("status", status.name()));
        }
        closedAt = now;
        status = CLOSED;
    }

    private void requireState(String step, ClaimStatus... allowed) {
        requireState(status, step, allowed);
    }

    @Override
    public String auditType() {
        return RECORD_TYPE;
    }

    @Override
    public Map<String, Object> auditState() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("code", getCode());
        s.put("customerId", customerId);
        s.put("complaintId", complaintId);
        s.put("claimedAmount", claimedAmount);
        s.put("status", status);
        s.put("inspectionMethod", inspectionMethod);
        s.put("responsibility", responsibility);
        s.put("ourSharePercent", ourSharePercent);
        s.put("proposedAmount", proposedAmount);
        s.put("rejectionComment", rejectionComment);
        s.put("approvedBy", approvedBy);
        s.put("agreedBy", agreedBy);
        s.put("settledAmount", settledAmount);
        s.put("paymentReference", paymentReference);
        return s;
    }

    public long getCustomerId() { return customerId; }
    public String getCustomerName() { return customerName; }
    public String getCustomerCode() { return customerCode; }
    public Long getComplaintId() { return complaintId; }
    public String getProduct() { return product; }
    public String getOrderNumber() { return orderNumber; }
    public BigDecimal getClaimedAmount() { return claimedAmount; }
    public String getDescription() { return description; }
    public ClaimStatus getStatus() { return status; }
    public InspectionMethod getInspectionMethod() { return inspectionMethod; }
    public String getFindings() { return findings; }
    public String getInspector() { return inspector; }
    public LocalDate getInspectedOn() { return inspectedOn; }
    public Responsibility getResponsibility() { return responsibility; }
    public BigDecimal getOurSharePercent() { return ourSharePercent; }
    public String getResponsibilityNote() { return responsibilityNote; }
    public BigDecimal getProposedAmount() { return proposedAmount; }
    public String getProposedBy() { return proposedBy; }
    public Instant getProposedAt() { return proposedAt; }
    public String getRejectionComment() { return rejectionComment; }
    public String getApprovedBy() { return approvedBy; }
    public String getApproverPosition() { return approverPosition; }
    public Instant getApprovedAt() { return approvedAt; }
    public String getAgreedHow() { return agreedHow; }
    public Instant getAgreedAt() { return agreedAt; }
    public String getAgreedBy() { return agreedBy; }
    public BigDecimal getSettledAmount() { return settledAmount; }
    public LocalDate getSettledOn() { return settledOn; }
    public String getPaymentReference() { return paymentReference; }
    public Instant getClosedAt() { return closedAt; }
    public long getRegisteredBy() { return registeredBy; }
    public String getRegisteredByName() { return registeredByName; }
}
