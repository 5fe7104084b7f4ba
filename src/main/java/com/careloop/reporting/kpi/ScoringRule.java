package com.careloop.reporting.kpi;

/** How a KPI earns its points in the monthly assessment (see {@link AssessmentScoring}). */
public enum ScoringRule {
    /** In proportion to the target, capped at the full points (inverted for lower-is-better figures). */
    LINEAR,
    /** The full points when the target is met, else none. */
    ALL_OR_NOTHING
}
