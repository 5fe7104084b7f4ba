package com.careloop.complaint.stats;

import java.util.List;

import com.careloop.complaint.ComplaintPermissions;
import com.careloop.platform.NavItem;
import com.careloop.platform.Navigation;

import org.springframework.stereotype.Component;

/** Sidebar entries of the complaint statistics and the annual summary. */
@Component
class StatsNavigation implements Navigation {

    @Override
    public List<NavItem> items() {
        return List.of(
                new NavItem("nav.group.complaint", "complaintstats.nav", "/complaints/stats", ComplaintPermissions.VIEW, 310),
                new NavItem("nav.group.complaint", "complaintstats.annual.nav", "/complaints/annual",
                        ComplaintPermissions.VIEW, 320));
    }
}
