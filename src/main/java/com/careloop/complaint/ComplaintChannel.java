package com.careloop.complaint;

/** How the complaint reached us; SERVICE_DESK when handed over from a COMPLAINT service request, CALLBACK from an unsatisfied callback. */
public enum ComplaintChannel {
    PHONE, VISIT, EMAIL, LETTER, ONLINE, SALES_REP, SERVICE_DESK, CALLBACK, OTHER
}
