package com.careloop.inspection;

/** Where a customer-specific requirement stands: identified, being put in place, met, or withdrawn by the customer. */
public enum RequirementStatus {
    IDENTIFIED, IN_PROGRESS, MET, WITHDRAWN
}
