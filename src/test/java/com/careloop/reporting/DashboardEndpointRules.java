package com.careloop.reporting;

import java.util.Map;

/** This feature's part of the permission matrix (see PermissionMatrixTest): "METHOD /path" -> permission, ANY_USER or PUBLIC. */
public final class DashboardEndpointRules {

    public static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("GET /api/v1/dashboards/me", "ANY_USER"),
            Map.entry("GET /api/v1/kpi-targets", "reporting:dashboard"),
            Map.entry("PUT /api/v1/kpi-targets", "reporting:targets"),
            Map.entry("GET /reporting/targets", "reporting:dashboard"),
            Map.entry("POST /reporting/targets", "reporting:targets"));

    private DashboardEndpointRules() {
    }
}
