package com.careloop.contract;

import java.math.BigDecimal;
import java.time.Instant;

/** A contract was accepted (outcome A, and the general manager's approval when major): it enters production planning. */
public record ContractAccepted(long contractId, String number, long customerId, BigDecimal totalAmount, Instant at) {
}
