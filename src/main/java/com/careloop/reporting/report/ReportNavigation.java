package com.careloop.reporting.report;

import java.util.List;

import com.careloop.platform.NavItem;
import com.careloop.platform.Navigation;
import com.careloop.reporting.ReportingPermissions;

import org.springframework.stereotype.Component;

/** The periodic reports' sidebar entry in the reporting group. */
@Component
class ReportNavigation implements Navigation {

    @Override
    public List<NavItem> items() {
        return List.of(new NavItem("nav.group.reporting", "nav.reports", "/reports", ReportingPermissions.REPORT, 810));
    }
}
