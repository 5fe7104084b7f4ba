package com.careloop.property.register;

import java.util.Map;

import com.careloop.customer.CustomerProfileSection;
import com.careloop.property.CustomerProperties;
import com.careloop.property.PropertyPermissions;
import com.careloop.property.PropertyViews.Filter;

import org.springframework.stereotype.Component;

/** The customer 360 page's section: the customer's property on the register (latest 20), within what the reader sees. */
@Component
class PropertyProfileSection implements CustomerProfileSection {

    private final CustomerProperties properties;

    PropertyProfileSection(CustomerProperties properties) {
        this.properties = properties;
    }

    @Override
    public int order() {
        return 65;
    }

    @Override
    public String titleKey() {
        return "property.section.title";
    }

    @Override
    public String fragment() {
        return "property/sections :: properties";
    }

    @Override
    public String permission() {
        return PropertyPermissions.VIEW;
    }

    @Override
    public Map<String, Object> model(long customerId) {
        return Map.of("properties", properties.search(new Filter(customerId, null, null, null, null, null, null), null,
                null, 20).items(), "customerId", customerId);
    }
}
