package com.careloop.capa.handling;

import java.util.List;

import com.careloop.capa.CapaPermissions;
import com.careloop.platform.NavItem;
import com.careloop.platform.Navigation;

import org.springframework.stereotype.Component;

/** The CAPA module's sidebar entry. */
@Component
class CapaNavigation implements Navigation {

    @Override
    public List<NavItem> items() {
        return List.of(new NavItem("nav.group.capa", "nav.capa", "/capa", CapaPermissions.VIEW, 400));
    }
}
