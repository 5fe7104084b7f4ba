package com.careloop.customer.keys;

import java.time.Instant;
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
 * A department head's proposal to flag or unflag a key customer, decided by the CS center
 * (客户服务中心进行变更审批). While pending, {@code pendingCustomerId} holds the customer id, so the
 * unique constraint on it allows one open proposal per customer even under concurrent proposals.
 */
@Entity
@Table(name = "key_customer_proposal")
public class KeyCustomerProposal implements Auditable {

    public enum Action { FLAG, UNFLAG }

    public enum Status { PENDING, APPROVED, REJECTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long customerId;
    private Long pendingCustomerId;
    @Enumerated(EnumType.STRING)
    private Action action;
    @Enumerated(EnumType.STRING)
    private KeyCriterion criterion;
    private String reason;
    @Enumerated(EnumType.STRING)
    private Status status;
    private long proposedBy;
    private Instant proposedAt;
    private Long decidedBy;
    private Instant decidedAt;
    private String decisionComment;
    @Version
    private long version;

    protected KeyCustomerProposal() {
    }

    /** The customer's current key state decides which action makes sense; "other" needs a reason. */
    static KeyCustomerProposal propose(long customerId, boolean customerIsKey, Action action, KeyCriterion criterion,
                                       String reason, long proposedBy, Instant now) {
        if (action == Action.FLAG && customerIsKey) {
            throw new DomainException("key-customer.already-key", Text.of("error.customer.customer-already-key-customer"));
        }
        if (action == Action.UNFLAG && !customerIsKey) {
            throw new DomainException("key-customer.not-key", Text.of("error.customer.customer-key-customer"));
        }
        KeyCustomerProposal p = new KeyCustomerProposal();
        p.customerId = customerId;
        p.pendingCustomerId = customerId;
        p.action = action;
        p.criterion = criterion;
        p.reason = reason;
        p.status = Status.PENDING;
        p.proposedBy = proposedBy;
        p.proposedAt = now;
        return p;
    }

    void approve(long decidedBy, String comment, Instant now) {
        decide(Status.APPROVED, decidedBy, comment, now);
    }

    void reject(long decidedBy, String comment, Instant now) {
        decide(Status.REJECTED, decidedBy, comment, now);
    }

    private void decide(Status outcome, long by, String comment, Instant now) {
        if (status != Status.PENDING) {
            throw new DomainException("key-customer.proposal-decided", Text.of(status == Status.APPROVED
                    ? "error.customer.key-proposal-approved" : "error.customer.key-proposal-rejected"));

        }
        this.status = outcome;
        this.pendingCustomerId = null;
        this.decidedBy = by;
        this.decidedAt = now;
        this.decisionComment = comment;
    }

    boolean flags() {
        return action == Action.FLAG;
    }

    @Override
    public String auditType() {
        return "key-customer-proposal";
    }

    @Override
    public String auditId() {
        return String.valueOf(id);
    }

    @Override
    public Map<String, Object> auditState() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("customerId", customerId);
        s.put("action", action);
        s.put("criterion", criterion);
        s.put("reason", reason);
        s.put("status", status);
        s.put("proposedBy", proposedBy);
        s.put("decidedBy", decidedBy);
        s.put("decisionComment", decisionComment);
        return s;
    }

    Long getId() { return id; }
    long getCustomerId() { return customerId; }
    Action getAction() { return action; }
    KeyCriterion getCriterion() { return criterion; }
    Status getStatus() { return status; }
    long getProposedBy() { return proposedBy; }
}
