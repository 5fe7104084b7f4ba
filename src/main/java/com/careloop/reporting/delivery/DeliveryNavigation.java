package com.careloop.reporting.delivery;

import java.util.List;

import com.careloop.platform.NavItem;
import com.careloop.platform.Navigation;
import com.careloop.reporting.ReportingPermissions;

import org.springframework.stereotype.Component;

/** The sidebar entry of report schedules, in the reporting group. */
@Component
class DeliveryNavigation implements Navigation {

    @Override
    public List<NavItem> items() {
        return List.of(new NavItem("nav.group.reporting", "nav.reportSchedules", "/report-schedules",
                ReportingPermissions.SCHEDULE, 960));
    }
}
