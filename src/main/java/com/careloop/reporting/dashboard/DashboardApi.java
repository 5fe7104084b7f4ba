package com.careloop.reporting.dashboard;

import com.careloop.platform.AnyUser;
import com.careloop.platform.CurrentUsers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's home dashboard as JSON (labels in the caller's Accept-Language). */
@RestController
@RequestMapping("/api/v1/dashboards")
@Tag(name = "Dashboards", description = "Home dashboards by role: my work, KPIs against target, company figures")
class DashboardApi {

    private final Dashboards dashboards;
    private final CurrentUsers users;

    DashboardApi(Dashboards dashboards, CurrentUsers users) {
        this.dashboards = dashboards;
        this.users = users;
    }

    @AnyUser
    @GetMapping("/me")
    @Operation(summary = "My dashboard", description = "Work lines for everyone; the KPI part (figures of the period"
            + " within the caller's data scope, against the KPI targets, with the dashboard tables) only with"
            + " reporting:dashboard, the company part only with reporting:company (null otherwise). A PERCENT value is a"
            + " share 0..1. An unknown period is a 400 problem naming the field 'period'.")
    Dashboards.Dashboard me(@Parameter(description = "DAY (today), WEEK (this Monday to Sunday) or MONTH, company time")
                            @RequestParam(defaultValue = "DAY") DashboardPeriod period) {
        return dashboards.dashboard(users.require(), period);
    }
}
