package com.careloop.inspection;

/** A template revision: DRAFT (edited in place) -> PUBLISHED (never edited; audits use it) -> RETIRED. */
public enum TemplateStatus { DRAFT, PUBLISHED, RETIRED }
