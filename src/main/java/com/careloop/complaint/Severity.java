package com.careloop.complaint;

/** MAJOR: stops the customer's production or affects a batch (seed definition); everything else GENERAL. */
public enum Severity {
    MAJOR, GENERAL
}
