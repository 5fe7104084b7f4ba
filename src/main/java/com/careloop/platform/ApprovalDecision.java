package com.careloop.platform;

/** What one approver decides on their task: accept, accept with conditions (comment required), reject (comment required). */
public enum ApprovalDecision { APPROVE, APPROVE_WITH_CONDITIONS, REJECT }
