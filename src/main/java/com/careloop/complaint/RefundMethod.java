package com.careloop.complaint;

/** How the refund is paid. */
public enum RefundMethod {
    ORIGINAL_PAYMENT, CASH, BANK_TRANSFER, WECHAT_PAY, ALIPAY
}
