package com.careloop.complaint;

/** Published when a complaint is received (callback and survey modules consume it). */
public record ComplaintReceived(long complaintId, String code, long customerId, Long sourceRequestId) {
}
