package com.careloop.platform;

import java.time.Instant;

/**
 * Published when an approval ends, synchronously inside the transaction of the decision that ended it: the owning
 * module's {@code @EventListener} (filtering on {@link #subjectType()}) changes its record in the same transaction,
 * so the subject's state and the approval commit or roll back together. The decider is the last approver (or the
 * requester for {@link ApprovalOutcome#WITHDRAWN}); the comment is theirs.
 */
public record ApprovalCompleted(long approvalId, String subjectType, long subjectId, ApprovalOutcome outcome,
                                Long deciderId, String deciderName, String comment, Instant at) {
}
