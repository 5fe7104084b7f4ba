package com.careloop.complaint;

/** The steps of the complaint procedure, in order. */
public enum ComplaintStatus {
    RECEIVED, ACKNOWLEDGED, ASSESSED, INVESTIGATED, ACTION_TAKEN, DECISION_COMMUNICATED, VERIFIED, QUALITY_CONFIRMED,
    CLOSED
}
