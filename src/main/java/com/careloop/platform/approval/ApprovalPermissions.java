package com.careloop.platform.approval;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.careloop.platform.PermissionCatalog;

import org.springframework.stereotype.Component;

/**
 * Permissions of the approval service. Deciding needs none beyond being an approver of the task (everyone sees their
 * own inbox); viewing and editing the chains needs {@code approvals:configure} (the administrator holds every
 * permission; the customer-service manager is granted it by default).
 */
@Component
public class ApprovalPermissions implements PermissionCatalog {

    public static final String CONFIGURE = "approvals:configure";

    @Override
    public String module() {
        return "approvals";
    }

    @Override
    public List<String> permissions() {
        return List.of(CONFIGURE);
    }

    @Override
    public Map<String, Set<String>> defaultGrants() {
        return Map.of("CS_MANAGER", Set.of(CONFIGURE));
    }
}
