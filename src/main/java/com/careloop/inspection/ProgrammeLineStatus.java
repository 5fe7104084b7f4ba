package com.careloop.inspection;

/** A line of the internal audit programme: planned, held (an audit is linked) or cancelled (with a reason). */
public enum ProgrammeLineStatus {
    PLANNED, HELD, CANCELLED
}
