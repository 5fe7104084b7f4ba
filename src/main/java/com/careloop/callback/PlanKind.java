package com.careloop.callback;

/**
 * What generates a callback task: a closed service request, a sale, a warranty about to end, a closed
 * complaint, the half-yearly key-customer sample, a person (manual), another module ({@link Callbacks#schedule}).
 */
public enum PlanKind {
    SERVICE_COMPLETED, SALE, WARRANTY_EXPIRY, COMPLAINT_CLOSED, KEY_CUSTOMER_SAMPLE, MANUAL, SCHEDULED
}
