package com.careloop.inspection;

/** OPEN; CAPA (a corrective action is open for it; closes with the CAPA); CLOSED. */
public enum FindingStatus { OPEN, CAPA, CLOSED }
