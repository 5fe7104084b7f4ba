package com.careloop.platform.org;

import java.util.List;

import com.careloop.platform.PermissionCatalog;

import org.springframework.stereotype.Component;

/** The platform's own permissions. */
@Component
public class PlatformPermissions implements PermissionCatalog {

    public static final String ORG_VIEW = "org:view";
    public static final String ORG_MANAGE = "org:manage";
    public static final String ROLE_MANAGE = "role:manage";
    public static final String AUDIT_VIEW = "audit:view";
    public static final String RETENTION_VIEW = "retention:view";
    public static final String CALENDAR_VIEW = "calendar:view";
    public static final String CALENDAR_MANAGE = "calendar:manage";
    public static final String NUMBERING_MANAGE = "numbering:manage";
    /** Scrape /actuator/prometheus (with an API token): for a monitoring account; the administrator holds it. */
    public static final String METRICS_VIEW = "metrics:view";

    @Override
    public String module() {
        return "platform";
    }

    @Override
    public java.util.Map<String, java.util.Set<String>> defaultGrants() {
        java.util.Map<String, java.util.Set<String>> grants = new java.util.LinkedHashMap<>();
        BuiltInRoles.all().values().forEach(r -> grants.put(r.code(), r.permissions()));
        return grants;
    }

    @Override
    public List<String> permissions() {
        return List.of(ORG_VIEW, ORG_MANAGE, ROLE_MANAGE, AUDIT_VIEW, RETENTION_VIEW, CALENDAR_VIEW,
                CALENDAR_MANAGE, NUMBERING_MANAGE, METRICS_VIEW);
    }
}
