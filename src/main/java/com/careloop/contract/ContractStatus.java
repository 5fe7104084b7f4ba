package com.careloop.contract;

/**
 * The contract's line in the register (合同登记表 R-QP-005-05); TERMINATED: ended by an accepted termination change
 * (解除/终止) after acceptance.
 */
public enum ContractStatus { UNDER_REVIEW, ACCEPTED, NOT_ACCEPTED, IN_PRODUCTION, DELIVERED, CLOSED, CANCELLED, TERMINATED }
