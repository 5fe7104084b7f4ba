package com.careloop.callback;

/** What an unsatisfied callback leads to: the source request re-opened, a complaint, or a CAPA. */
public enum FollowUp {
    REOPEN_REQUEST, COMPLAINT, CAPA
}
