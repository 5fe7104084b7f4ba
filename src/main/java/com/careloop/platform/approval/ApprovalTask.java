package com.careloop.platform.approval;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import com.careloop.platform.ApprovalDecision;
import com.careloop.platform.approval.ChainStages.Kind;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
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
import jakarta.persistence.Version;

/**
 * One approver's task: a step of a stage of an approval, who may decide it (candidates), when it is due and when the
 * 80 % reminder is; OPEN until decided (DONE) or no longer needed (CANCELLED: another 或签 approver decided, someone
 * rejected, the requester withdrew). Versioned: of two approvers deciding at once exactly one wins.
 */
@Entity
@Table(name = "approval_task")
public class ApprovalTask {

    public enum Status { OPEN, DONE, CANCELLED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "approval_id")
    private Approval approval;
    private int stageNo;
    private int stepNo;
    @Enumerated(EnumType.STRING)
    private Kind assigneeKind;
    private String assigneeRef;
    private String aspectCode;
    @Enumerated(EnumType.STRING)
    private Status status;
    private Instant createdAt;
    private Instant dueAt;
    private Instant remindAt;
    @Enumerated(EnumType.STRING)
    private ApprovalDecision decision;
    private String decisionComment;
    private Long decidedBy;
    private String decidedByName;
    private Instant decidedAt;
    private Instant remindedAt;
    private Instant escalatedAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "approval_task_candidate", joinColumns = @JoinColumn(name = "task_id"))
    @Column(name = "user_id")
    private Set<Long> candidates = new HashSet<>();
    @Version
    private long version;

    protected ApprovalTask() {
    }

    static ApprovalTask open(Approval approval, int stageNo, int stepNo, ChainStages.Step step, Instant now,
                             Instant dueAt, Instant remindAt) {
        ApprovalTask t = new ApprovalTask();
        t.approval = approval;
        t.stageNo = stageNo;
        t.stepNo = stepNo;
        t.assigneeKind = step.kind();
        t.assigneeRef = step.ref();
        t.aspectCode = step.aspect();
        t.status = Status.OPEN;
        t.createdAt = now;
        t.dueAt = dueAt;
        t.remindAt = remindAt;
        return t;
    }

    void assign(Set<Long> users) {
        candidates.addAll(users);
    }

    boolean isCandidate(long userId) {
        return candidates.contains(userId);
    }

    void decided(ApprovalDecision decision, String comment, long by, String byName, Instant now) {
        this.status = Status.DONE;
        this.decision = decision;
        this.decisionComment = comment;
        this.decidedBy = by;
        this.decidedByName = byName;
        this.decidedAt = now;
    }

    void cancel() {
        if (status == Status.OPEN) {
            status = Status.CANCELLED;
        }
    }

    void reminded(Instant now) {
        remindedAt = now;
    }

    void escalated(Set<Long> heads, Instant now) {
        candidates.addAll(heads);
        escalatedAt = now;
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    public Long getId() { return id; }
    public Approval getApproval() { return approval; }
    public int getStageNo() { return stageNo; }
    public int getStepNo() { return stepNo; }
    public Kind getAssigneeKind() { return assigneeKind; }
    public String getAssigneeRef() { return assigneeRef; }
    public String getAspectCode() { return aspectCode; }
    public Status getStatus() { return status; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getDueAt() { return dueAt; }
    public Instant getRemindAt() { return remindAt; }
    public ApprovalDecision getDecision() { return decision; }
    public String getDecisionComment() { return decisionComment; }
    public Long getDecidedBy() { return decidedBy; }
    public String getDecidedByName() { return decidedByName; }
    public Instant getDecidedAt() { return decidedAt; }
    public Instant getRemindedAt() { return remindedAt; }
    public Instant getEscalatedAt() { return escalatedAt; }
    public Set<Long> getCandidates() { return Set.copyOf(candidates); }
    public long getVersion() { return version; }
}
