package com.careloop.fieldservice.trip;

import java.util.List;

import com.careloop.fieldservice.FieldServicePermissions;
import com.careloop.platform.NavItem;
import com.careloop.platform.Navigation;

import org.springframework.stereotype.Component;

/** Field service's sidebar entry. */
@Component
class FieldServiceNavigation implements Navigation {

    @Override
    public List<NavItem> items() {
        return List.of(new NavItem("nav.group.fieldservice", "nav.fieldservice", "/field-services",
                FieldServicePermissions.VIEW, 460));
    }
}
