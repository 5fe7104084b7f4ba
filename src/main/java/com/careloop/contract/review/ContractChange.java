package com.careloop.contract.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.careloop.contract.ChangeKind;
import com.careloop.contract.ChangeStatus;
import com.careloop.contract.ResolutionMethod;
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
 * A change of an accepted contract (合同变更, seeds 001-A14, 001-B12, 002-A15): what kinds it is, how and with whom the
 * customer agreed it, and the terms it proposes (JSON {@link ContractTerms}). Re-reviewed by the departments whose
 * aspects its kinds touch; accepted → it makes revision {@code fromRevision + 1} of the contract and its change notice
 * (合同变更通知单) is issued; rejected → the contract stays as it was, with the reason.
 */
@Entity
@Table(name = "contract_change")
public class ContractChange implements Auditable {

    public static final String RECORD_TYPE = "contract-change";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long contractId;
    private String number;
    private int fromRevision;
    private Integer revision;
    private String kinds;
    @Enumerated(EnumType.STRING)
    private ChangeStatus status;
    @Enumerated(EnumType.STRING)
    private ResolutionMethod agreedMethod;
    private LocalDate agreedOn;
    private String agreedWith;
    private String agreed;
    private String reason;
    private String newTerms;
    private String decisionComment;
    private String decidedByName;
    private Instant decidedAt;
    private String noticeNumber;
    private Instant noticeIssuedAt;
    private long requestedBy;
    private String requestedByName;
    private Instant requestedAt;
    @Version
    private long version;

    protected ContractChange() {
    }

    static ContractChange request(String number, long contractId, int fromRevision, List<ChangeKind> kinds,
                                  ResolutionMethod method, LocalDate agreedOn, String agreedWith, String agreed,
                                  String reason, String newTerms, Contract.Actor by, Instant now) {
        ContractChange c = new ContractChange();
        c.number = number;
        c.contractId = contractId;
        c.fromRevision = fromRevision;
        c.kinds = String.join(",", kinds.stream().map(Enum::name).toList());
        c.status = ChangeStatus.UNDER_REVIEW;
        c.agreedMethod = method;
        c.agreedOn = agreedOn;
        c.agreedWith = agreedWith;
        c.agreed = agreed;
        c.reason = reason;
        c.newTerms = newTerms;
        c.requestedBy = by.id();
        c.requestedByName = by.name();
        c.requestedAt = now;
        return c;
    }

    /** The re-review approved: the change becomes revision {@code fromRevision + 1} and its notice is numbered. */
    void accepted(String noticeNumber, String by, String comment, Instant now) {
        requireUnderReview("accept");
        status = ChangeStatus.ACCEPTED;
        revision = fromRevision + 1;
        this.noticeNumber = noticeNumber;
        noticeIssuedAt = now;
        decided(by, comment, now);
    }

    /** A touched department could not accept it: the contract stays on its revision; the reason is kept. */
    void rejected(String by, String comment, Instant now) {
        requireUnderReview("reject");
        status = ChangeStatus.REJECTED;
        decided(by, comment, now);
    }

    void withdrawn(String by, Instant now) {
        requireUnderReview("withdraw");
        status = ChangeStatus.WITHDRAWN;
        decided(by, null, now);
    }

    private void decided(String by, String comment, Instant now) {
        decidedByName = by;
        decisionComment = comment;
        decidedAt = now;
    }

    private void requireUnderReview(String step) {
        if (status != ChangeStatus.UNDER_REVIEW) {
            throw DomainException.of("contract.change-decided", number, Text.label("contract.change.status", status));
        }
    }

    public List<ChangeKind> kindList() {
        return Arrays.stream(kinds.split(",")).filter(k -> !k.isBlank()).map(ChangeKind::valueOf).toList();
    }

    public boolean isTermination() {
        return kindList().contains(ChangeKind.TERMINATION);
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
        s.put("fromRevision", fromRevision);
        s.put("revision", revision);
        s.put("kinds", kinds);
        s.put("status", status);
        s.put("agreedMethod", agreedMethod);
        s.put("agreedOn", agreedOn);
        s.put("agreedWith", agreedWith);
        s.put("reason", reason);
        s.put("decisionComment", decisionComment);
        s.put("noticeNumber", noticeNumber);
        return s;
    }

    public Long getId() { return id; }
    public long getContractId() { return contractId; }
    public String getNumber() { return number; }
    public int getFromRevision() { return fromRevision; }
    public Integer getRevision() { return revision; }
    public ChangeStatus getStatus() { return status; }
    public ResolutionMethod getAgreedMethod() { return agreedMethod; }
    public LocalDate getAgreedOn() { return agreedOn; }
    public String getAgreedWith() { return agreedWith; }
    public String getAgreed() { return agreed; }
    public String getReason() { return reason; }
    public String getNewTerms() { return newTerms; }
    public String getDecisionComment() { return decisionComment; }
    public String getDecidedByName() { return decidedByName; }
    public Instant getDecidedAt() { return decidedAt; }
    public String getNoticeNumber() { return noticeNumber; }
    public Instant getNoticeIssuedAt() { return noticeIssuedAt; }
    public long getRequestedBy() { return requestedBy; }
    public String getRequestedByName() { return requestedByName; }
    public Instant getRequestedAt() { return requestedAt; }
    public long getVersion() { return version; }
}
