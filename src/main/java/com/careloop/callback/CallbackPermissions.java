package com.careloop.callback;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.careloop.platform.PermissionCatalog;

import org.springframework.stereotype.Component;

/**
 * Permissions of callbacks: agents (front desk, supervisors, managers, complaint specialists) see and work
 * tasks; supervisors and the CS manager edit the plans; statistics and the key-customer analysis are for the
 * CS management and the general manager.
 */
@Component
public class CallbackPermissions implements PermissionCatalog {

    public static final String VIEW = "callback:view";
    /** Record attempts, complete, create manual tasks. */
    public static final String HANDLE = "callback:handle";
    /** Plans, re-assign, cancel. */
    public static final String MANAGE = "callback:manage";
    public static final String STATS = "callback:stats";

    @Override
    public String module() {
        return "callback";
    }

    @Override
    public List<String> permissions() {
        return List.of(VIEW, HANDLE, MANAGE, STATS);
    }

    @Override
    public Map<String, Set<String>> defaultGrants() {
        Set<String> all = Set.of(VIEW, HANDLE, MANAGE, STATS);
        return Map.of(
                "GENERAL_MANAGER", Set.of(VIEW, STATS),
                "CS_MANAGER", all,
                "CS_SUPERVISOR", all,
                "FRONT_DESK", Set.of(VIEW, HANDLE),
                "COMPLAINT_SPECIALIST", Set.of(VIEW, HANDLE),
                "QUALITY_MANAGER", Set.of(VIEW, STATS));
    }
}
