/**
 * Satisfaction surveys (顾客满意度调查, SPEC §7, forms R-QP-005-01 调查表 and R-QP-005-02 统计表): versioned
 * questionnaire templates, campaigns with the sampling rule and a reproducible draw, personal token links,
 * responses typed in by agents or given on the public page, the scores and indices exactly as the procedures
 * define them, the period's adjustments, the report, and the loop back to corrective actions and callbacks.
 * Its public API is the types in this package; everything in sub-packages is internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Surveys")
package com.careloop.survey;
