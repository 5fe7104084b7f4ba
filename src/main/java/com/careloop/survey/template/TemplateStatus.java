package com.careloop.survey.template;

/** DRAFT (editable) -> PUBLISHED (immutable, usable by campaigns) -> RETIRED (no new campaigns). */
public enum TemplateStatus {
    DRAFT, PUBLISHED, RETIRED
}
