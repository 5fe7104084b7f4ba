package com.careloop.callback;

/** How the customer is called back: phone, visit, SMS/WeChat message, e-mail. */
public enum CallbackMethod {
    PHONE, VISIT, MESSAGE, EMAIL
}
