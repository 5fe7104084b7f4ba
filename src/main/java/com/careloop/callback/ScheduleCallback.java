package com.careloop.callback;

import java.time.LocalDate;

/**
 * Asks for one callback task for a source (e.g. sourceType "SURVEY_RESPONSE", the response id and its code)
 * due on {@code due}; {@code reason} is shown on the task.
 */
public record ScheduleCallback(String sourceType, long sourceId, String sourceCode,
                               long customerId, LocalDate due, String reason) {
}
