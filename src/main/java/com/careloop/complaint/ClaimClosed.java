package com.careloop.complaint;

import java.time.LocalDate;

/**
 * Published when a claim ends (settled or closed without payment), with what the product failure history needs
 * (product, the inspection's findings and date, the responsibility note), so a listener in another module records
 * the failure without reading claim tables. {@code failedOn}: the inspection day, else the day the claim ended.
 */
public record ClaimClosed(long claimId, String code, long customerId, String customerName, Long complaintId,
                          String product, LocalDate failedOn, String description, String findings,
                          String responsibilityNote) {

    /** A claim naming a product: a candidate for the product failure history. */
    public boolean productFailure() {
        return product != null && !product.isBlank();
    }
}
