package com.careloop.inspection;

public enum AuditStatus { PLANNED, IN_PROGRESS, FINDINGS_OPEN, CLOSED }
