package com.careloop.complaint;

/** A seven-day return slip: requested, accepted (goods received back), refunded; or refused with a reason. */
public enum ReturnStatus {
    REQUESTED, ACCEPTED, REFUNDED, REFUSED
}
