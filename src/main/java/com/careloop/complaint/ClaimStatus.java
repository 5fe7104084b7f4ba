package com.careloop.complaint;

/** The steps of a claim (索赔): registered, evidence, inspected, responsibility, proposed, approved, agreed, settled; or closed without payment. */
public enum ClaimStatus {
    REGISTERED, EVIDENCE, INSPECTED, RESPONSIBILITY, PROPOSED, APPROVED, AGREED, SETTLED, CLOSED
}
