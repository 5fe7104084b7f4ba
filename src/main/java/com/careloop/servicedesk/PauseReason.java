package com.careloop.servicedesk;

/** Why the SLA clock stops. */
public enum PauseReason {
    WAITING_CUSTOMER, WAITING_THIRD_PARTY
}
