package com.careloop.reporting.kpi;

import java.util.List;

import com.careloop.platform.NavItem;
import com.careloop.platform.Navigation;
import com.careloop.reporting.ReportingPermissions;

import org.springframework.stereotype.Component;

/** The KPI targets page in the reporting group of the sidebar. */
@Component
class KpiNavigation implements Navigation {

    @Override
    public List<NavItem> items() {
        return List.of(new NavItem("nav.group.reporting", "dashboard.nav.targets", "/reporting/targets",
                ReportingPermissions.DASHBOARD, 960));
    }
}
