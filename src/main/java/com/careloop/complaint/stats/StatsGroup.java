package com.careloop.complaint.stats;

/** What the statistics table is grouped by. */
public enum StatsGroup {
    CATEGORY, SEVERITY, CAUSE, DEPARTMENT, PRODUCT, MONTH
}
