package com.careloop.servicedesk;

public enum CallbackOutcome {
    SATISFIED, UNSATISFIED
}
