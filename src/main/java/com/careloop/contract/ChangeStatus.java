package com.careloop.contract;

/** Where a contract change stands: re-reviewed by the touched departments, accepted (a new revision), rejected, withdrawn. */
public enum ChangeStatus { UNDER_REVIEW, ACCEPTED, REJECTED, WITHDRAWN }
