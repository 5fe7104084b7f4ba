package com.careloop.servicedesk;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.careloop.platform.PermissionCatalog;

import org.springframework.stereotype.Component;

/**
 * Permissions of the service desk. Front desk registers and dispatches; CS supervisor and manager do
 * everything (callback and close included); department heads, team leaders and staff handle the
 * requests of their department (their data scope); any member of staff may register what a customer
 * told them.
 */
@Component
public class ServiceDeskPermissions implements PermissionCatalog {

    public static final String VIEW = "servicedesk:view";
    public static final String REGISTER = "servicedesk:register";
    public static final String DISPATCH = "servicedesk:dispatch";
    public static final String HANDLE = "servicedesk:handle";
    /** Call back, close (销单) and re-open: the CS center. */
    public static final String CALLBACK = "servicedesk:callback";
    /** Maintain categories and SLA policies. */
    public static final String CONFIGURE = "servicedesk:configure";

    @Override
    public String module() {
        return "servicedesk";
    }

    @Override
    public List<String> permissions() {
        return List.of(VIEW, REGISTER, DISPATCH, HANDLE, CALLBACK, CONFIGURE);
    }

    @Override
    public Map<String, Set<String>> defaultGrants() {
        return Map.of(
                "GENERAL_MANAGER", Set.of(VIEW, REGISTER),
                "CS_MANAGER", Set.copyOf(permissions()),
                "CS_SUPERVISOR", Set.copyOf(permissions()),
                "FRONT_DESK", Set.of(VIEW, REGISTER, DISPATCH),
                "COMPLAINT_SPECIALIST", Set.of(VIEW, REGISTER),
                "QUALITY_MANAGER", Set.of(VIEW, REGISTER),
                "DEPT_HEAD", Set.of(VIEW, REGISTER, HANDLE),
                "TEAM_LEADER", Set.of(VIEW, REGISTER, HANDLE),
                "STAFF", Set.of(VIEW, REGISTER, HANDLE));
    }
}
