package com.careloop.customer.keys;

import java.util.LinkedHashMap;
import java.util.Map;

import com.careloop.customer.CustomerPermissions;
import com.careloop.customer.CustomerProfileSection;
import com.careloop.customer.archive.CustomerService;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUsers;

import org.springframework.stereotype.Component;

/** The "重点客户" section of the customer 360 page: status, criterion, since, proposal history, propose form. */
@Component
class KeyCustomerSection implements CustomerProfileSection {

    private final CustomerService archive;
    private final KeyCustomerService keys;
    private final CurrentUsers users;
    private final CareLoopProperties properties;

    KeyCustomerSection(CustomerService archive, KeyCustomerService keys, CurrentUsers users,
                       CareLoopProperties properties) {
        this.properties = properties;
        this.archive = archive;
        this.keys = keys;
        this.users = users;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String titleKey() {
        return "keycustomer.section";
    }

    @Override
    public String fragment() {
        return "customer/keys :: section";
    }

    @Override
    public Map<String, Object> model(long customerId) {
        var customer = archive.detail(customerId);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("customerId", customerId);
        m.put("keyCustomer", customer.keyCustomer());
        m.put("criterion", customer.keyCriterion());
        m.put("since", customer.keySince());
        m.put("active", customer.active());
        m.put("proposals", keys.search(null, customerId, null, 50).items());
        m.put("pending", keys.pendingFor(customerId));
        m.put("canPropose", users.require().can(CustomerPermissions.PROPOSE_KEY));
        m.put("criteria", KeyCriterion.values());
        m.put("zone", properties.zone());
        return m;
    }
}
