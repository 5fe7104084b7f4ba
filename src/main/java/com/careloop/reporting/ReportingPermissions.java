package com.careloop.reporting;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.careloop.platform.PermissionCatalog;

import org.springframework.stereotype.Component;

/**
 * Permissions of reporting. Everyone sees their own work on the home page without a permission; the KPI dashboard
 * needs {@code reporting:dashboard} and is cut by the viewer's data scope (a department head sees the department's
 * figures); the company panel (major complaints, red lines, CAPA effectiveness) needs {@code reporting:company}.
 */
@Component
public class ReportingPermissions implements PermissionCatalog {

    public static final String DASHBOARD = "reporting:dashboard";
    public static final String COMPANY = "reporting:company";
    /** See, generate and write the free-text parts of periodic reports. */
    public static final String REPORT = "reporting:report";
    public static final String APPROVE = "reporting:approve";
    /** KPI targets and scoring rules of the monthly assessment. */
    public static final String TARGETS = "reporting:targets";
    /** Report schedules, recipients and the delivery log. */
    public static final String SCHEDULE = "reporting:schedule";

    @Override
    public String module() {
        return "reporting";
    }

    @Override
    public List<String> permissions() {
        return List.of(DASHBOARD, COMPANY, REPORT, APPROVE, TARGETS, SCHEDULE);
    }

    @Override
    public Map<String, Set<String>> defaultGrants() {
        return Map.of(
                "GENERAL_MANAGER", Set.of(DASHBOARD, COMPANY, REPORT, APPROVE),
                "CS_MANAGER", Set.of(DASHBOARD, COMPANY, REPORT, APPROVE, TARGETS, SCHEDULE),
                "CS_SUPERVISOR", Set.of(DASHBOARD, REPORT),
                "QUALITY_MANAGER", Set.of(DASHBOARD, COMPANY, REPORT, APPROVE),
                "DEPT_HEAD", Set.of(DASHBOARD));
    }
}
