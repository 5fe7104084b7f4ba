package com.careloop.property;

/** The condition found at an inspection. */
public enum PropertyCondition {
    GOOD, DAMAGED, LOST, UNSUITABLE
}
