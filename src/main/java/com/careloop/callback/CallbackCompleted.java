package com.careloop.callback;

/** Published when a callback task is done (the customer was reached and answered). */
public record CallbackCompleted(long taskId, long customerId, Satisfaction satisfaction, String sourceType,
                                Long sourceId) {
}
