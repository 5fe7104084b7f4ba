package com.careloop.servicedesk;

/** How the request reached the service center. */
public enum Channel {
    PHONE, WALK_IN, LETTER, WEB_FORM, EMAIL, STAFF_REPORT, API
}
