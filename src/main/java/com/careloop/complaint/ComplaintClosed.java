package com.careloop.complaint;

import java.time.LocalDate;

/**
 * Published when a complaint is closed (the follow-up callback starts from it). It also carries what the product
 * failure history needs (product, category, the day received in the company zone, symptom, cause and action), so a
 * listener in another module records the failure without reading complaint tables.
 */
public record ComplaintClosed(long complaintId, String code, long customerId, String customerName, String product,
                              ComplaintCategory category, LocalDate receivedOn, String symptom,
                              CauseCategory causeCategory, String cause, String action) {

    /** Only the identity (listeners that need nothing else, tests). */
    public ComplaintClosed(long complaintId, String code, long customerId) {
        this(complaintId, code, customerId, null, null, null, null, null, null, null, null);
    }

    /** A product-quality complaint naming a product: a candidate for the product failure history. */
    public boolean productFailure() {
        return category == ComplaintCategory.PRODUCT_QUALITY && product != null && !product.isBlank();
    }
}
