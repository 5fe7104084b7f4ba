package com.careloop.complaint.retail;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.careloop.complaint.CompensationStatus;
import com.careloop.complaint.claim.TrackedRecord;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.Text;


import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.springframework.security.access.AccessDeniedException;

import static com.careloop.complaint.CompensationStatus.MANAGER_APPROVED;
import static com.careloop.complaint.CompensationStatus.PAID;
import static com.careloop.complaint.CompensationStatus.REJECTED;
import static com.careloop.complaint.CompensationStatus.SUBMITTED;
import static com.careloop.complaint.CompensationStatus.SUPERVISOR_APPROVED;
import static com.careloop.complaint.claim.Rules.blank;
import static com.careloop.complaint.claim.Rules.money;
import static com.careloop.complaint.claim.Rules.text;

/**
 * An advance compensation request (先行赔偿申请): submitted, approved by a CS supervisor (a CS manager may stand
 * in), then by a CS manager — never the same person for both steps (rule {@code four-eyes}) — and paid. Either
 * approver may reject with a comment. A step by a position that may not take it is refused (403).
 */
@Entity
@Table(name = "advance_compensation")
public class AdvanceCompensation extends TrackedRecord {

    public static final String RECORD_TYPE = "advance-compensation";
    /** Who may take the first step; the manager may stand in for the supervisor. */
    public static final Set<String> SUPERVISOR_STEP = Set.of("CS_SUPERVISOR", "CS_MANAGER");
    public static final Set<String> MANAGER_STEP = Set.of("CS_MANAGER");

    /** The person taking an approval step. */
    public record Approver(long userId, String name, String position) {
    }

    private long customerId;
    private String customerName;
    private Long complaintId;
    private String reason;
    private BigDecimal amount;
    @Enumerated(EnumType.STRING)
    private CompensationStatus status;
    private long requestedBy;
    private String requestedByName;
    private Long supervisorId;
    private String supervisorName;
    private Instant supervisorApprovedAt;
    private Long managerId;
    private String managerName;
    private Instant managerApprovedAt;
    private String rejectedBy;
    private String rejectionComment;
    private Instant paidAt;
    private String paymentReference;

    protected AdvanceCompensation() {
    }

    private AdvanceCompensation(String code, Instant now) {
        super(code, now);
    }

    public static AdvanceCompensation submit(String code, long customerId, String customerName, Long complaintId,
                                             String reason, BigDecimal amount, long byId, String byName, Instant now) {
        AdvanceCompensation a = new AdvanceCompensation(code, now);
        a.customerId = customerId;
        a.customerName = customerName;
        a.complaintId = complaintId;
        a.reason = text("reason", reason);
        a.amount = money("amount", amount);
        a.status = SUBMITTED;
        a.requestedBy = byId;
        a.requestedByName = byName;
        return a;
    }

    public void approveAsSupervisor(Approver by, Instant now) {
        requireState("approve (supervisor step)", SUBMITTED);
        requirePosition(by, SUPERVISOR_STEP);
        supervisorId = by.userId();
        supervisorName = by.name();
        supervisorApprovedAt = now;
        status = SUPERVISOR_APPROVED;
    }

    public void approveAsManager(Approver by, Instant now) {
        requireState("approve (manager step)", SUPERVISOR_APPROVED);
        requirePosition(by, MANAGER_STEP);
        if (supervisorId != null && supervisorId == by.userId()) {
            throw new InvalidInputException("approver", "four-eyes", Text.of("error.complaint.four-eyes", by.name()));
        }
        managerId = by.userId();
        managerName = by.name();
        managerApprovedAt = now;
        status = MANAGER_APPROVED;
    }

    /** The approver of the current step rejects, with a comment. */
    public void reject(Approver by, String comment) {
        requireState("reject", SUBMITTED, SUPERVISOR_APPROVED);
        requirePosition(by, status == SUBMITTED ? SUPERVISOR_STEP : MANAGER_STEP);
        rejectionComment = text("comment", comment);
        rejectedBy = by.name();
        status = REJECTED;
    }

    public void pay(String reference, Instant now) {
        requireState("pay", MANAGER_APPROVED);
        paymentReference = blank(reference);
        paidAt = now;
        status = PAID;
    }

    private static void requirePosition(Approver by, Set<String> allowed) {
        if (by.position() == null || !allowed.contains(by.position())) {
            throw new AccessDeniedException("position " + by.position() + " may not take this step; needs " + allowed);
        }
    }

    private void requireState(String step, CompensationStatus... allowed) {
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
        s.put("amount", amount);
        s.put("status", status);
        s.put("supervisor", supervisorName);
        s.put("manager", managerName);
        s.put("rejectedBy", rejectedBy);
        s.put("rejectionComment", rejectionComment);
        s.put("paymentReference", paymentReference);
        return s;
    }

    public long getCustomerId() { return customerId; }
    public String getCustomerName() { return customerName; }
    public Long getComplaintId() { return complaintId; }
    public String getReason() { return reason; }
    public BigDecimal getAmount() { return amount; }
    public CompensationStatus getStatus() { return status; }
    public String getRequestedByName() { return requestedByName; }
    public String getSupervisorName() { return supervisorName; }
    public Instant getSupervisorApprovedAt() { return supervisorApprovedAt; }
    public String getManagerName() { return managerName; }
    public Instant getManagerApprovedAt() { return managerApprovedAt; }
    public String getRejectedBy() { return rejectedBy; }
    public String getRejectionComment() { return rejectionComment; }
    public Instant getPaidAt() { return paidAt; }
    public String getPaymentReference() { return paymentReference; }
}
