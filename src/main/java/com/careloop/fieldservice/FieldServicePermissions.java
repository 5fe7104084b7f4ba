package com.careloop.fieldservice;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.careloop.platform.PermissionCatalog;

import org.springframework.stereotype.Component;

/**
 * Permissions of field service. The CS department and department heads plan; the security department (and whoever
 * leads the trip) records the safety briefing and checklist; the team records the on-site work and the report. A
 * team member sees the services they are on, a department head those with a member of their department, and
 * {@code fieldservice:manage} (managers) sees all and may let a team depart without a completed briefing.
 */
@Component
public class FieldServicePermissions implements PermissionCatalog {

    public static final String VIEW = "fieldservice:view";
    /** Plan a field service from a request: site, dates, team and tasks, vehicles, tools, parts, work plan. */
    public static final String PLAN = "fieldservice:plan";
    /** Record the safety briefing and the pre-departure checklist. */
    public static final String BRIEF = "fieldservice:brief";
    /** Record departure, arrival, the on-site work and the field-service report with its signatures. */
    public static final String REPORT = "fieldservice:report";
    /** See every field service; record a departure exception (no completed briefing) with a reason. */
    public static final String MANAGE = "fieldservice:manage";

    @Override
    public String module() {
        return "fieldservice";
    }

    @Override
    public List<String> permissions() {
        return List.of(VIEW, PLAN, BRIEF, REPORT, MANAGE);
    }

    @Override
    public Map<String, Set<String>> defaultGrants() {
        return Map.of(
                "GENERAL_MANAGER", Set.of(VIEW, MANAGE),
                "CS_MANAGER", Set.of(VIEW, PLAN, BRIEF, REPORT, MANAGE),
                "CS_SUPERVISOR", Set.of(VIEW, PLAN, BRIEF, REPORT),
                "QUALITY_MANAGER", Set.of(VIEW, REPORT, MANAGE),
                "DEPT_HEAD", Set.of(VIEW, PLAN, BRIEF, REPORT),
                "TEAM_LEADER", Set.of(VIEW, REPORT),
                "STAFF", Set.of(VIEW, REPORT));
    }
}
