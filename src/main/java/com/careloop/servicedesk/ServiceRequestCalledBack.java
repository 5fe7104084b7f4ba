package com.careloop.servicedesk;

import java.time.Instant;

import com.careloop.platform.Satisfaction;

/**
 * Published when the customer is called back on the request page (回访 before close, 销单). It carries everything
 * the callback module needs to keep the one record of this callback (the callback module owns callback records;
 * the desk never calls it): the request and its customer, the round of work the callback is about (1, and one more
 * after each re-open — the same round a {@link ServiceRequestClosed} of that work has), who called and when, the
 * satisfaction on the common scale, the notes and what a dissatisfied answer did. The callback module records it
 * synchronously, in the desk's transaction, and tells the desk the record through {@link ServiceDesk#linkCallbackRecord}.
 */
public record ServiceRequestCalledBack(long requestId, String code, RequestType type, Long customerId,
                                       String customerName, int round, Satisfaction satisfaction, String notes,
                                       UnsatisfiedFollowUp followUp, long byId, String byName, Instant at) {
}
