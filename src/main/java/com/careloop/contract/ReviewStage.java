package com.careloop.contract;

/**
 * Where the review stands: registered (not yet submitted), countersign under way (会签), waiting for the sales
 * manager's outcome, being clarified with the customer (outcome B, to be submitted again), waiting for the general
 * manager (major contract), done.
 */
public enum ReviewStage { REGISTERED, COUNTERSIGN, OUTCOME, CLARIFY, GM_APPROVAL, DONE }
