package com.careloop.servicedesk;

/**
 * Where a request stands: registered at the center (also after a hand-back), dispatched to a
 * department, in progress (responded), paused (clock stopped), completed, signed off by the
 * customer, called back satisfied, closed (销单).
 */
public enum RequestStatus {
    REGISTERED, DISPATCHED, IN_PROGRESS, PAUSED, COMPLETED, SIGNED_OFF, CALLED_BACK, CLOSED;

    public boolean isOpen() {
        return this != CLOSED;
    }
}
