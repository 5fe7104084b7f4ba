package com.careloop.complaint.handling;

import java.util.List;

import com.careloop.complaint.ComplaintPermissions;
import com.careloop.platform.NavItem;
import com.careloop.platform.Navigation;

import org.springframework.stereotype.Component;

/** The complaint module's sidebar entry. */
@Component
class ComplaintNavigation implements Navigation {

    @Override
    public List<NavItem> items() {
        return List.of(new NavItem("nav.group.complaint", "nav.complaints", "/complaints", ComplaintPermissions.VIEW, 300));
    }
}
