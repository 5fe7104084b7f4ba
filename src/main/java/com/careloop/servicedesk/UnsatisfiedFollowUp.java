package com.careloop.servicedesk;

/** What an unsatisfied callback before close does: re-open the request, or turn it into a complaint. */
public enum UnsatisfiedFollowUp {
    REOPEN, COMPLAINT
}
