package com.careloop.customer.contactlog;

/** How the contact happened. */
public enum ContactChannel {
    PHONE, VISIT, WECHAT_SMS, EMAIL, LETTER, OTHER
}
