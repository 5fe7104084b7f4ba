package com.careloop.fieldservice.stats;

import java.time.LocalDate;

/**
 * First-time fix (一次修复): a reported field service is fixed the first time when within {@code days} days of its
 * report there was no follow-up request from its open points and no further trip for the same request. Until those
 * days have passed the answer is pending (not counted either way).
 */
public record FirstTimeFix(int days) {

    public enum Outcome { FIXED, NOT_FIXED, PENDING }

    public static final FirstTimeFix STANDARD = new FirstTimeFix(30);

    /**
     * @param reportedOn      the day the customer signed the report
     * @param followUpRequest an open point of the report became a follow-up request
     * @param nextTripOn      the travel day of the next trip for the same request (null: none)
     * @param today           the company's today
     */
    public Outcome outcome(LocalDate reportedOn, boolean followUpRequest, LocalDate nextTripOn, LocalDate today) {
        LocalDate end = reportedOn.plusDays(days);
        if (followUpRequest || nextTripOn != null && !nextTripOn.isAfter(end)) {
            return Outcome.NOT_FIXED;
        }
        return today.isAfter(end) ? Outcome.FIXED : Outcome.PENDING;
    }
}
