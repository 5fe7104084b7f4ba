package com.careloop.customer;

import java.util.List;

import com.careloop.platform.NavItem;
import com.careloop.platform.Navigation;

import org.springframework.stereotype.Component;

/** The customer module's sidebar entries. */
@Component
class CustomerNavigation implements Navigation {

    @Override
    public List<NavItem> items() {
        return List.of(
                new NavItem("nav.group.customers", "nav.customers", "/customers", CustomerPermissions.VIEW, 100),
                new NavItem("nav.group.customers", "nav.keyCustomers", "/key-customers", CustomerPermissions.VIEW, 101),
                new NavItem("nav.group.customers", "nav.revenueRanking", "/customers/revenue-ranking",
                        CustomerPermissions.REVENUE, 103),
                new NavItem("nav.group.customers", "nav.segments", "/customers/segments", CustomerPermissions.REVENUE, 106),
                new NavItem("nav.group.customers", "nav.birthdays", "/customers/birthdays", CustomerPermissions.VIEW, 104),
                new NavItem("nav.group.customers", "nav.liaison", "/liaison-parties", CustomerPermissions.LIAISON_VIEW, 105));
    }
}
