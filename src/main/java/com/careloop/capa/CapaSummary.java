package com.careloop.capa;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What other modules need of a CAPA: its state, its actions of the current round (a re-opened CAPA needs new
 * ones), the result of the latest effectiveness check ({@code effective} is null until checked) and when the
 * next check is due.
 */
public record CapaSummary(long id, String code, CapaStatus status, int actionsTotal, int actionsDone,
                          boolean allActionsDone, Boolean effective, int reopenCount,
                          LocalDate effectivenessCheckDue, Instant closedAt) {
}
