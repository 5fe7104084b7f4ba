package com.careloop.contract;

/** What a reviewer signs on their aspect: accept, accept with conditions (comment required), cannot accept (comment required). */
public enum ReviewVerdict { ACCEPT, ACCEPT_WITH_CONDITIONS, CANNOT_ACCEPT }
