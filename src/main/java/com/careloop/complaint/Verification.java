package com.careloop.complaint;

public enum Verification {
    EFFECTIVE, NOT_EFFECTIVE
}
