package com.careloop.inspection;

/** A finding's weight; a failed red line is CRITICAL. */
public enum Severity { MINOR, MAJOR, CRITICAL }
