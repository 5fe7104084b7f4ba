package com.careloop.reporting.delivery;

/**
 * Where a delivery stands. PENDING (planned, not tried yet) and FAILED (tried, waiting for its next attempt) are
 * due at {@code next_attempt_at}; SENDING is leased by one node until {@code lease_until}; SENT and DEAD (given up
 * after {@link DeliveryTiming#MAX_ATTEMPTS} attempts) are final until a person retries.
 */
public enum DeliveryStatus { PENDING, SENDING, SENT, FAILED, DEAD }
