package com.careloop.complaint;

/** The approval chain of an advance compensation (先行赔偿): submitted, supervisor approved, manager approved, paid; or rejected. */
public enum CompensationStatus {
    SUBMITTED, SUPERVISOR_APPROVED, MANAGER_APPROVED, PAID, REJECTED
}
