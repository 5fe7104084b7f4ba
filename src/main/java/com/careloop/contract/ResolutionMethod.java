package com.careloop.contract;

/** How sales settled an inconsistency with the customer. */
public enum ResolutionMethod { PHONE, FAX, MAIL, VISIT, MEETING }
