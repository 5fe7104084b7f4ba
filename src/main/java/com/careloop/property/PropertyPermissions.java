package com.careloop.property;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.careloop.platform.PermissionCatalog;

import org.springframework.stereotype.Component;

/**
 * Permissions of the customer property register. Sales, department heads and quality register items and record
 * movements, problems and the customer's decisions; the owning departments' people inspect; the quality manager
 * configures. Confidential items (intellectual property, personal data) are seen only by their named departments,
 * whatever the permission.
 */
@Component
public class PropertyPermissions implements PermissionCatalog {

    public static final String VIEW = "property:view";
    /** Register, verify on arrival, hand over, return, scrap, report problems, record the customer's answers. */
    public static final String REGISTER = "property:register";
    /** Record the six-monthly inspection. */
    public static final String INSPECT = "property:inspect";
    public static final String CONFIGURE = "property:configure";

    @Override
    public String module() {
        return "property";
    }

    @Override
    public List<String> permissions() {
        return List.of(VIEW, REGISTER, INSPECT, CONFIGURE);
    }

    @Override
    public Map<String, Set<String>> defaultGrants() {
        return Map.of(
                "GENERAL_MANAGER", Set.of(VIEW),
                "CS_MANAGER", Set.of(VIEW, REGISTER),
                "CS_SUPERVISOR", Set.of(VIEW),
                "QUALITY_MANAGER", Set.of(VIEW, REGISTER, INSPECT, CONFIGURE),
                "DEPT_HEAD", Set.of(VIEW, REGISTER, INSPECT),
                "TEAM_LEADER", Set.of(VIEW, INSPECT),
                "STAFF", Set.of(VIEW, REGISTER, INSPECT));
    }
}
