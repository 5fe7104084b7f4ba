package com.careloop.platform;

/**
 * The one satisfaction scale of a customer's callback, best first, whichever page the callback is made on (the
 * callback desk or the service request's callback before close). Labels are {@code satisfaction.<CODE>} in the
 * messages. Moved here from the callback module so the service desk, which the callback module depends on, can
 * use the same scale without a module cycle.
 */
public enum Satisfaction {
    VERY_SATISFIED, SATISFIED, NEUTRAL, DISSATISFIED, VERY_DISSATISFIED;

    /** DISSATISFIED or worse: needs a follow-up (re-open, complaint, CAPA). */
    public boolean unsatisfied() {
        return this == DISSATISFIED || this == VERY_DISSATISFIED;
    }

    /** SATISFIED or better: what a close (销单) that waits for a satisfied callback needs. */
    public boolean satisfied() {
        return this == VERY_SATISFIED || this == SATISFIED;
    }

    /** 5 (very satisfied) .. 1 (very dissatisfied). */
    public int score() {
        return 5 - ordinal();
    }
}
