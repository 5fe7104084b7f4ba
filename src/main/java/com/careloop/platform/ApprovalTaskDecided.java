package com.careloop.platform;

import java.time.Instant;

/**
 * Published when one task of an approval is decided — whatever the entry point (the subject's page or API, the
 * platform inbox 待我审批, {@code /api/v1/approvals/tasks/{id}/decision}) — synchronously inside the deciding
 * transaction and before {@link ApprovalCompleted} when the decision also ends the approval. A module that must react
 * to each signature (not only to the approval's end) listens to it, filtering on {@link #subjectType()}; a refusal in
 * the listener rolls the decision back.
 */
public record ApprovalTaskDecided(long approvalId, String subjectType, long subjectId, long taskId, int stage,
                                  int step, String aspectCode, ApprovalDecision decision, String comment,
                                  long deciderId, String deciderName, Instant at) {
}
