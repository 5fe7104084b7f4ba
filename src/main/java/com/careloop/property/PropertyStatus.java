package com.careloop.property;

/** Where an item stands: held by a department, returned to the customer, or scrapped (with the customer's consent). */
public enum PropertyStatus {
    HELD, RETURNED, SCRAPPED
}
