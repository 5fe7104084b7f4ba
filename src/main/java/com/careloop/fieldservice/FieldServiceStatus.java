package com.careloop.fieldservice;

/** Where a field service stands: planned, on the road, on site, left the site, report signed by the customer. */
public enum FieldServiceStatus {
    PLANNED, DEPARTED, ON_SITE, SITE_LEFT, REPORTED
}
