package com.careloop.servicedesk;

/**
 * Published when an unsatisfied callback before close (销单) turns the request into a complaint. The complaint
 * module listens (idempotent on the request id) and tells the desk the complaint it became through
 * {@link ServiceDesk#linkComplaint}; the desk never calls the complaint module.
 */
public record ServiceRequestTurnedIntoComplaint(long requestId, String code, Long customerId, String customerName,
                                                String customerCode, boolean keyCustomer, String title,
                                                String description, String callbackNotes, Long byId, String byName) {
}
