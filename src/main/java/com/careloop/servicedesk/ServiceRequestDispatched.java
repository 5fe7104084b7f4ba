package com.careloop.servicedesk;

/** Published when a request is dispatched (派工) to a department and, when named, a handler. */
public record ServiceRequestDispatched(long requestId, String code, RequestType type, Long customerId, long departmentId,
                                       Long assigneeId) {
}
