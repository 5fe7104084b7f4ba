package com.careloop.platform;

import java.time.Instant;

/**
 * One task of an approval as the subject's page shows it: stage, who was asked (a {@link Text}), what they sign
 * (aspect message code), its state ({@code OPEN}, {@code DONE}, {@code CANCELLED}), and — once decided — who decided
 * what, when, with which comment. Pages render the texts in the reader's language and the times in company time.
 */
public record ApprovalTrailEntry(long taskId, int stage, Text assignee, String aspectCode, String state,
                                 ApprovalDecision decision, String deciderName, Instant decidedAt, String comment,
                                 Instant dueAt) {
}
