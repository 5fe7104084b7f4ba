package com.careloop.capa;

/** The CAPA lifecycle, in order; CONTAINED is optional (OPEN may go straight to ROOT_CAUSE_FOUND). */
public enum CapaStatus {
    OPEN, CONTAINED, ROOT_CAUSE_FOUND, ACTIONS_PLANNED, ACTIONS_DONE, VERIFICATION_PENDING, VERIFIED_EFFECTIVE, CLOSED
}
