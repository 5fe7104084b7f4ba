package com.careloop.customer.contactlog;

/** What a contact was about: inquiry (咨询), order talk (订货洽谈), call, visit, holiday greeting (节日问候), birthday card (生日贺卡). */
public enum ContactKind {
    INQUIRY, ORDER_TALK, CALL, VISIT, HOLIDAY_GREETING, BIRTHDAY_GREETING, OTHER
}
