package com.careloop.customer.purchase;

/** Where a purchase record came from: entered on the 360 page, the order system's API, an Excel import. */
public enum PurchaseSource {
    MANUAL, API, IMPORT
}
