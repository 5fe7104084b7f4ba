package com.careloop.contract.review;

import java.time.Instant;
import java.time.LocalDate;

import com.careloop.contract.ResolutionMethod;
import com.careloop.contract.ReviewAspect;
import com.careloop.platform.DomainException;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A problem a reviewer found on their aspect (合同不一致问题处理单): description and proposal; sales records how it
 * was settled with the customer (how, when, with whom, what was agreed). While it is open, the aspect cannot be
 * accepted and the contract cannot be accepted.
 */
@Entity
@Table(name = "contract_inconsistency")
public class ContractInconsistency {

    public enum Status { OPEN, RESOLVED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "contract_id")
    private Contract contract;
    @Enumerated(EnumType.STRING)
    private ReviewAspect aspect;
    private String description;
    private String proposal;
    @Enumerated(EnumType.STRING)
    private Status status;
    private long raisedBy;
    private String raisedByName;
    private Instant raisedAt;
    @Enumerated(EnumType.STRING)
    private ResolutionMethod resolutionMethod;
    private LocalDate resolvedOn;
    private String resolvedWith;
    private String agreed;
    private Long resolvedBy;
    private String resolvedByName;
    private Instant resolvedAt;

    protected ContractInconsistency() {
    }

    ContractInconsistency(Contract contract, ReviewAspect aspect, String description, String proposal, long by,
                          String byName, Instant at) {
        this.contract = contract;
        this.aspect = aspect;
        this.description = description;
        this.proposal = proposal;
        this.status = Status.OPEN;
        this.raisedBy = by;
        this.raisedByName = byName;
        this.raisedAt = at;
    }

    void resolve(ResolutionMethod method, LocalDate on, String withWhom, String agreed, long by, String byName,
                 Instant at) {
        if (status != Status.OPEN) {
            throw DomainException.of("contract.inconsistency-resolved", contract.getNumber());
        }
        this.status = Status.RESOLVED;
        this.resolutionMethod = method;
        this.resolvedOn = on;
        this.resolvedWith = withWhom;
        this.agreed = agreed;
        this.resolvedBy = by;
        this.resolvedByName = byName;
        this.resolvedAt = at;
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    public Long getId() { return id; }
    public ReviewAspect getAspect() { return aspect; }
    public String getDescription() { return description; }
    public String getProposal() { return proposal; }
    public Status getStatus() { return status; }
    public long getRaisedBy() { return raisedBy; }
    public String getRaisedByName() { return raisedByName; }
    public Instant getRaisedAt() { return raisedAt; }
    public ResolutionMethod getResolutionMethod() { return resolutionMethod; }
    public LocalDate getResolvedOn() { return resolvedOn; }
    public String getResolvedWith() { return resolvedWith; }
    public String getAgreed() { return agreed; }
    public Long getResolvedBy() { return resolvedBy; }
    public String getResolvedByName() { return resolvedByName; }
    public Instant getResolvedAt() { return resolvedAt; }
}
