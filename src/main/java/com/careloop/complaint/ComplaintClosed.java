package com.careloop.complaint;

/** Published when a complaint is closed (the follow-up callback starts from it). */
public record ComplaintClosed(long complaintId, String code, long customerId) {
}
