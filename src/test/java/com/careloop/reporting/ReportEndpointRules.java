package com.careloop.reporting;

import java.util.Map;

/** This feature's part of the permission matrix (see PermissionMatrixTest): "METHOD /path" -> permission, ANY_USER or PUBLIC. */
public final class ReportEndpointRules {

    private static final String API = "/api/v1/reports";
    private static final String REPORT = "reporting:report";
    private static final String APPROVE = "reporting:approve";

    public static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("GET " + API, REPORT),
            Map.entry("POST " + API, REPORT),
            Map.entry("GET " + API + "/{id}", REPORT),
            Map.entry("GET " + API + "/{id}/revisions", REPORT),
            Map.entry("PUT " + API + "/{id}/texts", REPORT),
            Map.entry("POST " + API + "/{id}/submit", REPORT),
            Map.entry("POST " + API + "/{id}/approve", APPROVE),
            Map.entry("POST " + API + "/{id}/return", APPROVE),
            Map.entry("POST " + API + "/{id}/regenerate", REPORT),
            Map.entry("GET " + API + "/{id}/pdf", REPORT),
            Map.entry("GET " + API + "/{id}/xlsx", REPORT),
            Map.entry("GET /reports", REPORT),
            Map.entry("POST /reports", REPORT),
            Map.entry("GET /reports/{id}", REPORT),
            Map.entry("POST /reports/{id}/texts", REPORT),
            Map.entry("POST /reports/{id}/submit", REPORT),
            Map.entry("POST /reports/{id}/approve", APPROVE),
            Map.entry("POST /reports/{id}/return", APPROVE),
            Map.entry("POST /reports/{id}/regenerate", REPORT),
            Map.entry("GET /reports/{id}/pdf", REPORT),
            Map.entry("GET /reports/{id}/xlsx", REPORT),
            Map.entry("GET /reports/{id}/print", REPORT));

    private ReportEndpointRules() {
    }
}
