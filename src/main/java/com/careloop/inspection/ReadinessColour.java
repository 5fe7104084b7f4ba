package com.careloop.inspection;

/**
 * A department's colour on the readiness board: GREEN all its items ready (or its gaps' findings closed), AMBER gaps
 * with findings open and due before the audit (or the check still under way in time), RED a gap finding overdue, the
 * check not done by its date, or nothing marked within 2 working days of the audit.
 */
public enum ReadinessColour { GREEN, AMBER, RED }
