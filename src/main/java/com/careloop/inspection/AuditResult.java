package com.careloop.inspection;

/** PASS at or above the template's pass score, CONDITIONAL at or above its conditional score, else FAIL; a failed red line is FAIL. */
public enum AuditResult { PASS, CONDITIONAL, FAIL }
