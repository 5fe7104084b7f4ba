package com.careloop.customer.contactlog;

import java.util.Map;

import com.careloop.customer.CustomerProfileSection;

import org.springframework.stereotype.Component;

/** The contact log as a section of the customer 360 page: the latest entries and the add-entry form. */
@Component
class ContactLogSection implements CustomerProfileSection {

    private final ContactLogService log;

    ContactLogSection(ContactLogService log) {
        this.log = log;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String titleKey() {
        return "contactlog.title";
    }

    @Override
    public String fragment() {
        return "customer/contactlog";
    }

    @Override
    public Map<String, Object> model(long customerId) {
        return Map.of("customerId", customerId, "entries", log.forCustomer(customerId, null, 20).items(),
                "kinds", ContactKind.values(), "channels", ContactChannel.values());
    }
}
