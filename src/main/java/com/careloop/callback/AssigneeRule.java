package com.careloop.callback;

/**
 * Who gets a generated task: the customer's account representative (else the plan's user, else a user of
 * the plan's position), always the plan's user, or a user of the plan's position.
 */
public enum AssigneeRule {
    REPRESENTATIVE, USER, POSITION
}
