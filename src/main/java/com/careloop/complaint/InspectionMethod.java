package com.careloop.complaint;

/** How the claimed goods were inspected: sent back to us, or on site at the customer. */
public enum InspectionMethod {
    RETURNED_GOODS, ON_SITE
}
