package com.careloop.platform;

/** How an approval ended: every required stage approved, one approver rejected, or the requester withdrew it. */
public enum ApprovalOutcome { APPROVED, REJECTED, WITHDRAWN }
