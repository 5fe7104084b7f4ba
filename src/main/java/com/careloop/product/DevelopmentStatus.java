package com.careloop.product;

/** In progress through the nodes; ended by the customer's answer: accepted (contract review started) or rejected. */
public enum DevelopmentStatus { IN_PROGRESS, ACCEPTED, REJECTED }
