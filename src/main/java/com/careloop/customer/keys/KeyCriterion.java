package com.careloop.customer.keys;

/**
 * Why a customer is a key customer (客户关系维护作业指导书): district-level or higher government
 * official, works in news media, had a major incident (重大报事), had a major complaint, among the
 * customers making up 70% of revenue, or another reason (which must then be written down).
 */
public enum KeyCriterion {
    GOVERNMENT_OFFICIAL, NEWS_MEDIA, MAJOR_INCIDENT, MAJOR_COMPLAINT, TOP_REVENUE, OTHER
}
