package com.careloop.property.register;

import java.util.List;

import com.careloop.platform.NavItem;
import com.careloop.platform.Navigation;
import com.careloop.property.PropertyPermissions;

import org.springframework.stereotype.Component;

/** The register's sidebar entry. */
@Component
class PropertyNavigation implements Navigation {

    @Override
    public List<NavItem> items() {
        return List.of(new NavItem("nav.group.property", "nav.property", "/customer-properties",
                PropertyPermissions.VIEW, 450));
    }
}
