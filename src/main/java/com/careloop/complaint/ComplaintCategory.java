package com.careloop.complaint;

public enum ComplaintCategory {
    PRODUCT_QUALITY, AFTER_SALES_SERVICE, DELIVERY_LOGISTICS, PRICE_FEES, STAFF_ATTITUDE, OTHER
}
