package com.careloop.servicedesk;

/** Published when a request is closed (销单): callbacks and surveys may follow. */
public record ServiceRequestClosed(long requestId, String code, RequestType type, Long customerId, int reopenCount) {
}
