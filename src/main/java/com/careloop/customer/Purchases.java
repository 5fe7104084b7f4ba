package com.careloop.customer;

import java.time.LocalDate;
import java.util.List;

/**
 * Purchases and installed products for other modules (callbacks after a sale and before a
 * warranty ends, complaints and claims that refer to a product). Meant for system jobs: no data
 * scope is applied, and purchases of deactivated customers are included.
 */
public interface Purchases {

    /** A purchase as other modules see it. */
    record PurchaseRef(long purchaseId, long customerId, String product, String model, String serialNo,
                       LocalDate saleDate, LocalDate warrantyEnd, LocalDate deliveryDate) {

        /** The day the customer received the goods (签收): the delivery date, or the sale date when none was recorded. */
        public LocalDate receivedOn() {
            return deliveryDate != null ? deliveryDate : saleDate;
        }
    }

    /** One purchase by its id. */
    java.util.Optional<PurchaseRef> find(long purchaseId);

    /** A customer's purchases, newest sale first (at most {@code limit}), e.g. to pick the one a return is for. */
    List<PurchaseRef> ofCustomer(long customerId, int limit);

    /** Purchases sold on that day, oldest record first. */
    List<PurchaseRef> soldOn(LocalDate day);

    /** Purchases whose warranty ends between the two days, both included, soonest first. */
    List<PurchaseRef> warrantiesEndingBetween(LocalDate from, LocalDate to);
}
