package com.careloop.inspection;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.careloop.platform.PermissionCatalog;

import org.springframework.stereotype.Component;

/**
 * Permissions of inspections and audits. Everyone who takes part sees the audits they lead or are a member of (and a
 * department head those of their department's members); {@code manage} sees all, plans and closes audits and decides
 * pre-contract visits; {@code conduct} answers items, uploads photos and files, records findings and corrections;
 * {@code configure} edits, publishes and retires checklist templates.
 */
@Component
public class InspectionPermissions implements PermissionCatalog {

    public static final String VIEW = "inspection:view";
    public static final String CONDUCT = "inspection:conduct";
    public static final String MANAGE = "inspection:manage";
    public static final String CONFIGURE = "inspection:configure";

    @Override
    public String module() {
        return "inspection";
    }

    @Override
    public List<String> permissions() {
        return List.of(VIEW, CONDUCT, MANAGE, CONFIGURE);
    }

    @Override
    public Map<String, Set<String>> defaultGrants() {
        return Map.of(
                "GENERAL_MANAGER", Set.of(VIEW, MANAGE),
                "CS_MANAGER", Set.of(VIEW, CONDUCT, MANAGE),
                "CS_SUPERVISOR", Set.of(VIEW, CONDUCT),
                "QUALITY_MANAGER", Set.of(VIEW, CONDUCT, MANAGE, CONFIGURE),
                "DEPT_HEAD", Set.of(VIEW, CONDUCT),
                "TEAM_LEADER", Set.of(VIEW, CONDUCT),
                "STAFF", Set.of(VIEW, CONDUCT));
    }
}
