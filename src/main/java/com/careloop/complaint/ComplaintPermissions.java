package com.careloop.complaint;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.careloop.platform.PermissionCatalog;

import org.springframework.stereotype.Component;

/**
 * Permissions of the complaint procedure. The complaint specialist and the CS manager/supervisor run it;
 * department heads investigate for their department (their data scope); only the quality manager gives
 * the quality confirmation (品管确认); the general manager sees everything and approves (claims, later).
 */
@Component
public class ComplaintPermissions implements PermissionCatalog {

    public static final String VIEW = "complaint:view";
    public static final String RECEIVE = "complaint:receive";
    /** Acknowledge, assess, corrective actions, decision, verification, close. */
    public static final String HANDLE = "complaint:handle";
    public static final String INVESTIGATE = "complaint:investigate";
    public static final String CONFIRM_QUALITY = "complaint:confirm-quality";
    public static final String APPROVE = "complaint:approve";

    @Override
    public String module() {
        return "complaint";
    }

    @Override
    public List<String> permissions() {
        return List.of(VIEW, RECEIVE, HANDLE, INVESTIGATE, CONFIRM_QUALITY, APPROVE);
    }

    @Override
    public Map<String, Set<String>> defaultGrants() {
        Set<String> process = Set.of(VIEW, RECEIVE, HANDLE, INVESTIGATE);
        return Map.of(
                "GENERAL_MANAGER", Set.of(VIEW, APPROVE),
                "CS_MANAGER", process,
                "CS_SUPERVISOR", process,
                "COMPLAINT_SPECIALIST", process,
                "QUALITY_MANAGER", Set.of(VIEW, CONFIRM_QUALITY),
                "DEPT_HEAD", Set.of(VIEW, INVESTIGATE));
    }
}
