package com.careloop.callback;

import com.careloop.platform.Satisfaction;

/** Published when a callback task is done (the customer was reached and answered); {@code code} is its number. */
public record CallbackCompleted(long taskId, Long customerId, Satisfaction satisfaction, String sourceType,
                                Long sourceId, String code) {
}
