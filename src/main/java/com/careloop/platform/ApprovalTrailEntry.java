package com.careloop.platform;

import java.time.Instant;

/**
 * One task of an approval as the subject's page shows it: stage, who was asked (a {@link Text}), what they sign
 * (aspect message code), its state ({@code OPEN}, {@code DONE}, {@code CANCELLED}), and — once decided — who decided
 * what (and their user id), when, with which comment. Pages render the texts in the reader's language and the times in company time.
 */
public record ApprovalTrailEntry(long taskId, int stage, Text assignee, String aspectCode, String state,
                                 ApprovalDecision decision, String deciderName, Instant decidedAt, String comment,
                                 Instant dueAt, Long deciderId) {

    /** An entry without the decider's id (who decided is then known by name only). */
    public ApprovalTrailEntry(long taskId, int stage, Text assignee, String aspectCode, String state,
                              ApprovalDecision decision, String deciderName, Instant decidedAt, String comment,
                              Instant dueAt) {
        this(taskId, stage, assignee, aspectCode, state, decision, deciderName, decidedAt, comment, dueAt, null);
    }
}
