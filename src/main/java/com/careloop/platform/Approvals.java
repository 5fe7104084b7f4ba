package com.careloop.platform;

import java.util.List;

/**
 * The platform's approval service (会签 / 或签): a module starts an approval of its record on a chain configured as
 * data ({@code approval_chain}, e.g. {@code report.WEEKLY}); approvers decide their tasks (from the module's page
 * through {@link #decideOn} or from the inbox {@code /approvals}); the module learns the outcome from
 * {@link ApprovalCompleted}, published synchronously in the deciding transaction. Refusals: a finished approval or
 * task, or someone who is not an approver of the task → 409 ({@link DomainException}); a missing comment → 422.
 */
public interface Approvals {

    /**
     * Starts an approval of the subject on the chain's current version (snapshot: later chain edits do not change
     * it) and opens the first stage's tasks; 409 when the subject already has an open approval, 422 on an unknown chain.
     *
     * @return the approval's id
     */
    long start(ApprovalSubject subject, String chainCode, Long requesterId);

    /**
     * Starts an approval on only those steps of the chain whose aspect is one of {@code aspects} (stages left without
     * a step are dropped): a re-review of the touched aspects only, e.g. a contract change. 422 on an unknown chain
     * or when no step of the chain signs any of the aspects.
     *
     * @return the approval's id
     */
    long start(ApprovalSubject subject, String chainCode, java.util.Set<String> aspects, Long requesterId);

    /** The signed-in user decides a task; {@code version} (optional) is the task version they saw (stale → 409). */
    void decide(long taskId, Long version, ApprovalDecision decision, String comment);

    /** The signed-in user decides their open task of the subject's open approval (409 when they have none). */
    void decideOn(String subjectType, long subjectId, ApprovalDecision decision, String comment);

    /** The requester withdraws the subject's open approval (outcome WITHDRAWN). */
    void withdraw(String subjectType, long subjectId);

    /** Whether the subject has an approval under way. */
    boolean isOpen(String subjectType, long subjectId);

    /** Whether the user may decide the task now: it is open, of its approval's current stage, and they are its approver. */
    boolean mayDecide(long taskId, long userId);

    /** Whether the user is (or was) an approver of any task of the subject's approvals: lets reviewers read it. */
    boolean involves(String subjectType, long subjectId, long userId);

    /**
     * The departments (codes) whose DEPARTMENT or DEPARTMENT_HEAD steps of the chain's current stages sign one of the
     * aspects, in chain order without repeats; empty for an unknown chain. E.g. who receives a contract change notice.
     */
    List<String> departmentsSigning(String chainCode, java.util.Set<String> aspects);

    /** Every task of every approval of the subject, oldest first. */
    List<ApprovalTrailEntry> trail(String subjectType, long subjectId);
}
