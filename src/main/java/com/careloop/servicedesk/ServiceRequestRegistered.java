package com.careloop.servicedesk;

/** Published when a request is registered (e.g. for a future complaint hand-over of COMPLAINT requests). */
public record ServiceRequestRegistered(long requestId, String code, RequestType type, Long customerId, boolean keyCustomer) {
}
