package com.careloop.callback;

/** OPEN until reached (DONE), not reached the maximum number of times (UNREACHABLE) or CANCELLED. */
public enum TaskStatus {
    OPEN, DONE, UNREACHABLE, CANCELLED;

    public boolean isOpen() {
        return this == OPEN;
    }
}
