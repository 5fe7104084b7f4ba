package com.careloop.property.sample;

import java.util.List;

import com.careloop.platform.NavItem;
import com.careloop.platform.Navigation;
import com.careloop.property.SamplePermissions;

import org.springframework.stereotype.Component;

/** The samples' sidebar entry (group 顾客财产). */
@Component
class SampleNavigation implements Navigation {

    @Override
    public List<NavItem> items() {
        return List.of(new NavItem("nav.group.property", "nav.samples", "/samples", SamplePermissions.VIEW, 455));
    }
}
