package com.careloop.complaint.claim;

import java.math.BigDecimal;
import java.util.Map;

import com.careloop.platform.InvalidInputException;
import com.careloop.platform.Text;


import org.springframework.security.access.AccessDeniedException;

/**
 * Who may approve a claim's proposed amount: the general manager any amount; another position up to its
 * configured limit, and never above the GM threshold. A position without a limit may not approve (403);
 * an amount above the approver's limit is refused with rule {@code approval-limit} (422).
 */
public record ApprovalLimits(Map<String, BigDecimal> limits, BigDecimal gmThreshold) {

    public static final String GENERAL_MANAGER = "GENERAL_MANAGER";

    public void check(String position, BigDecimal amount) {
        if (GENERAL_MANAGER.equals(position)) {
            return;
        }
        BigDecimal limit = position == null ? null : limits.get(position);
        if (limit == null) {
            throw new AccessDeniedException("position " + position + " may not approve claims");
        }
        if (amount.compareTo(gmThreshold) > 0) {
            throw new InvalidInputException("proposedAmount", "approval-limit", Text.of("error.complaint.general-manager-approves",
                    amount.toPlainString(), gmThreshold.toPlainString()));
        }
        if (amount.compareTo(limit) > 0) {
            throw new InvalidInputException("proposedAmount", "approval-limit", Text.of("error.complaint.above-approval-limit",
                    amount.toPlainString(), limit.toPlainString()));
        }
    }

    /** Whether {@code position} may approve {@code amount} (the rule of {@link #check}). */
    public boolean allows(String position, BigDecimal amount) {
        if (GENERAL_MANAGER.equals(position)) {
            return true;
        }
        BigDecimal limit = position == null ? null : limits.get(position);
        return limit != null && amount.compareTo(gmThreshold) <= 0 && amount.compareTo(limit) <= 0;
    }

    /** The position that approves {@code amount} first: the smallest limit that covers it, else the general manager. */
    public String approverFor(BigDecimal amount) {
        return limits.entrySet().stream().filter(e -> allows(e.getKey(), amount))
                .min(java.util.Map.Entry.comparingByValue()).map(java.util.Map.Entry::getKey).orElse(GENERAL_MANAGER);
    }
}
