package com.careloop.platform.channel;

/** The ways a notification leaves the app (the bell is always written; these are chosen per kind). */
public enum Channel {
    EMAIL, WECOM_APP, WECOM_ROBOT, SMS
}
