package com.careloop.customer;

import java.util.List;

import com.careloop.platform.PermissionCatalog;

import org.springframework.stereotype.Component;

/** Permissions of the customer module. */
@Component
public class CustomerPermissions implements PermissionCatalog {

    public static final String VIEW = "customer:view";
    public static final String MANAGE = "customer:manage";
    /** See full phone and ID numbers; without it they are masked (138****5678) everywhere. */
    public static final String VIEW_SENSITIVE = "customer:view-sensitive";
    public static final String EXPORT = "customer:export";
    public static final String IMPORT = "customer:import";
    public static final String PROPOSE_KEY = "customer:propose-key";
    public static final String APPROVE_KEY = "customer:approve-key";
    public static final String REVENUE = "customer:revenue";
    public static final String LIAISON_VIEW = "liaison:view";
    public static final String LIAISON_MANAGE = "liaison:manage";

    @Override
    public String module() {
        return "customer";
    }

    @Override
    public java.util.Map<String, java.util.Set<String>> defaultGrants() {
        return java.util.Map.of(
                "GENERAL_MANAGER", java.util.Set.of(VIEW, VIEW_SENSITIVE, EXPORT, LIAISON_VIEW),
                "CS_MANAGER", java.util.Set.of(VIEW, MANAGE, VIEW_SENSITIVE, EXPORT, IMPORT, APPROVE_KEY, REVENUE,
                        LIAISON_VIEW, LIAISON_MANAGE),
                "CS_SUPERVISOR", java.util.Set.of(VIEW, MANAGE, VIEW_SENSITIVE, EXPORT, APPROVE_KEY, LIAISON_VIEW,
                        LIAISON_MANAGE),
                "FRONT_DESK", java.util.Set.of(VIEW, MANAGE, LIAISON_VIEW),
                "COMPLAINT_SPECIALIST", java.util.Set.of(VIEW, VIEW_SENSITIVE, LIAISON_VIEW),
                "QUALITY_MANAGER", java.util.Set.of(VIEW),
                "DEPT_HEAD", java.util.Set.of(VIEW, MANAGE, PROPOSE_KEY, LIAISON_VIEW),
                "TEAM_LEADER", java.util.Set.of(VIEW),
                "STAFF", java.util.Set.of(VIEW, MANAGE));
    }

    @Override
    public List<String> permissions() {
        return List.of(VIEW, MANAGE, VIEW_SENSITIVE, EXPORT, IMPORT, PROPOSE_KEY, APPROVE_KEY, REVENUE, LIAISON_VIEW,
                LIAISON_MANAGE);
    }
}
