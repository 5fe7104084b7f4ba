package com.careloop.complaint;

/** The returned goods' condition; DAMAGED and MISSING_PARTS goods are no no-reason return. */
public enum GoodsCondition {
    INTACT, OPENED_UNDAMAGED, DAMAGED, MISSING_PARTS
}
