package com.careloop.property;

/** What a problem report (顾客财产问题报告单) is about. */
public enum ProblemKind {
    LOSS, DAMAGE, UNSUITABLE, QUANTITY_MISMATCH
}
