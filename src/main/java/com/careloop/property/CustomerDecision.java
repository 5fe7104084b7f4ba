package com.careloop.property;

/** What the customer decided about a problem with their property (待取得顾客处置意见后, 按顾客意见办理). */
public enum CustomerDecision {
    REPAIR, REPLACE, RETURN, SCRAP, USE_AS_IS
}
