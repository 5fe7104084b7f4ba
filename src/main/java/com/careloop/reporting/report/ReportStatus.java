package com.careloop.reporting.report;

/** Where a report revision stands: written (DRAFT), waiting for approval (SUBMITTED), approved (APPROVED). */
public enum ReportStatus { DRAFT, SUBMITTED, APPROVED }
