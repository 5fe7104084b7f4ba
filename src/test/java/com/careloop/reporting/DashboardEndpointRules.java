package com.careloop.reporting;

import java.util.Map;

/** This feature's part of the permission matrix (see PermissionMatrixTest): "METHOD /path" -> permission, ANY_USER or PUBLIC. */
public final class DashboardEndpointRules {

    public static final Map<String, String> RULES = Map.ofEntries();

    private DashboardEndpointRules() {
    }
}
