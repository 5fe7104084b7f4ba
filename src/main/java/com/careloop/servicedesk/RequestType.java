package com.careloop.servicedesk;

/** Types of service request (SPEC §4). A COMPLAINT stays in the queue until the complaint module takes it over. */
public enum RequestType {
    CONSULTATION, REPAIR, BOOKED_REPAIR, COMPLAINT, PRAISE, SUGGESTION, CLAIM, RETURN_EXCHANGE, FIELD_SERVICE
}
