package com.careloop.customer;

/** Segments of the procedures: loyal (忠民), good (好顾客), main account (主力户), big account (大户). */
public enum Segment {
    BIG_ACCOUNT, MAIN_ACCOUNT, GOOD, LOYAL
}
