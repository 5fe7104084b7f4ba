package com.careloop.customer.keys;

import java.time.Instant;
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

/** One key customer confirmed or removed in one quarter's review (每季度评审); a record, never edited. */
@Entity
@Table(name = "key_customer_review")
public class KeyCustomerReview implements Auditable {

    public enum Outcome { CONFIRM, REMOVE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String quarter;
    private long customerId;
    @Enumerated(EnumType.STRING)
    private Outcome outcome;
    private String comment;
    private long reviewerId;
    private Instant reviewedAt;

    protected KeyCustomerReview() {
    }

    KeyCustomerReview(Quarter quarter, long customerId, Outcome outcome, String comment, long reviewerId, Instant at) {
        this.quarter = quarter.toString();
        this.customerId = customerId;
        this.outcome = outcome;
        this.comment = comment;
        this.reviewerId = reviewerId;
        this.reviewedAt = at;
    }

    @Override
    public String auditType() {
        return "key-customer-review";
    }

    @Override
    public String auditId() {
        return String.valueOf(id);
    }

    @Override
    public Map<String, Object> auditState() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("quarter", quarter);
        s.put("customerId", customerId);
        s.put("outcome", outcome);
        s.put("comment", comment);
        s.put("reviewerId", reviewerId);
        return s;
    }

    Long getId() { return id; }
}
