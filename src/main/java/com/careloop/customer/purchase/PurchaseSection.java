package com.careloop.customer.purchase;

import java.util.Map;

import com.careloop.customer.CustomerProfileSection;

import org.springframework.stereotype.Component;

/** Purchases and installed products with their warranties as a section of the customer 360 page. */
@Component
class PurchaseSection implements CustomerProfileSection {

    private final PurchaseService purchases;

    PurchaseSection(PurchaseService purchases) {
        this.purchases = purchases;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String titleKey() {
        return "purchase.title";
    }

    @Override
    public String fragment() {
        return "customer/purchases";
    }

    @Override
    public Map<String, Object> model(long customerId) {
        return Map.of("customerId", customerId, "purchases", purchases.forCustomer(customerId, null, 50).items());
    }
}
