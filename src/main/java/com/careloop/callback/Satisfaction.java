package com.careloop.callback;

/** The customer's satisfaction, best first; DISSATISFIED or worse needs a follow-up. */
public enum Satisfaction {
    VERY_SATISFIED, SATISFIED, NEUTRAL, DISSATISFIED, VERY_DISSATISFIED;

    public boolean unsatisfied() {
        return this == DISSATISFIED || this == VERY_DISSATISFIED;
    }

    /** 5 (very satisfied) .. 1 (very dissatisfied). */
    public int score() {
        return 5 - ordinal();
    }
}
