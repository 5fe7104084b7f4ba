package com.careloop.platform.org;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.careloop.platform.DataScope.Kind;

import static com.careloop.platform.org.PlatformPermissions.AUDIT_VIEW;
import static com.careloop.platform.org.PlatformPermissions.CALENDAR_MANAGE;
import static com.careloop.platform.org.PlatformPermissions.CALENDAR_VIEW;
import static com.careloop.platform.org.PlatformPermissions.ORG_VIEW;
import static com.careloop.platform.org.PlatformPermissions.RETENTION_VIEW;

/**
 * The roles every installation starts with (the front desk sees all records: the service center is
 * the one window every customer contact passes through), one per position of the procedures. ADMIN always holds
 * every permission; the others start with the platform permissions listed here and are edited by
 * the administrator afterwards (a restart never resets them).
 */
final class BuiltInRoles {

    record Definition(String code, String name, Kind scope, Set<String> permissions) {
    }

    static final String ADMIN = "ADMIN";

    private BuiltInRoles() {
    }

    static Map<String, Definition> all() {
        Map<String, Definition> roles = new LinkedHashMap<>();
        add(roles, ADMIN, "系统管理员", Kind.ALL, Set.of());
        add(roles, "GENERAL_MANAGER", "总经理", Kind.ALL, Set.of(ORG_VIEW, AUDIT_VIEW, CALENDAR_VIEW, RETENTION_VIEW));
        add(roles, "CS_MANAGER", "客服经理", Kind.ALL,
                Set.of(ORG_VIEW, AUDIT_VIEW, CALENDAR_VIEW, CALENDAR_MANAGE, RETENTION_VIEW));
        add(roles, "CS_SUPERVISOR", "客服主管", Kind.ALL, Set.of(ORG_VIEW, AUDIT_VIEW, CALENDAR_VIEW));
        add(roles, "FRONT_DESK", "前台接待", Kind.ALL, Set.of(CALENDAR_VIEW));
        add(roles, "COMPLAINT_SPECIALIST", "投诉专员", Kind.ALL, Set.of(CALENDAR_VIEW));
        add(roles, "QUALITY_MANAGER", "品管经理", Kind.ALL, Set.of(ORG_VIEW, AUDIT_VIEW, CALENDAR_VIEW));
        add(roles, "DEPT_HEAD", "部门主管", Kind.DEPARTMENT_TREE, Set.of(ORG_VIEW, CALENDAR_VIEW));
        add(roles, "TEAM_LEADER", "班长", Kind.DEPARTMENT, Set.of(CALENDAR_VIEW));
        add(roles, "STAFF", "员工", Kind.OWN, Set.of());
        return roles;
    }

    private static void add(Map<String, Definition> roles, String code, String name, Kind scope, Set<String> permissions) {
        roles.put(code, new Definition(code, name, scope, permissions));
    }
}
