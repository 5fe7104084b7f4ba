package com.careloop.contract;

/** The sales manager's outcome (5.2.3 评审结果): A all terms clear, accepted; B clarify with the customer; C not accepted. */
public enum ReviewOutcome { A, B, C }
