package com.careloop.capa;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.careloop.platform.PermissionCatalog;

import org.springframework.stereotype.Component;

/**
 * Permissions of the CAPA procedure. The quality manager, the CS manager/supervisor and the complaint
 * specialist handle CAPAs; only the quality manager closes them; the general manager, department heads and
 * team leaders see them (and the owner of an action may mark it done with view alone).
 */
@Component
public class CapaPermissions implements PermissionCatalog {

    public static final String VIEW = "capa:view";
    /** Open, containment, root cause, actions, verification. */
    public static final String HANDLE = "capa:handle";
    public static final String CLOSE = "capa:close";

    @Override
    public String module() {
        return "capa";
    }

    @Override
    public List<String> permissions() {
        return List.of(VIEW, HANDLE, CLOSE);
    }

    @Override
    public Map<String, Set<String>> defaultGrants() {
        Set<String> handle = Set.of(VIEW, HANDLE);
        return Map.of(
                "GENERAL_MANAGER", Set.of(VIEW),
                "CS_MANAGER", handle,
                "CS_SUPERVISOR", handle,
                "COMPLAINT_SPECIALIST", handle,
                "QUALITY_MANAGER", Set.of(VIEW, HANDLE, CLOSE),
                "DEPT_HEAD", Set.of(VIEW),
                "TEAM_LEADER", Set.of(VIEW));
    }
}
