package com.careloop.servicedesk;

import java.util.Map;

/** The service desk's part of the permission matrix (see PermissionMatrixTest): "METHOD /path" -> permission. */
public final class ServiceDeskEndpointRules {

    private static final String BASE = "/api/v1/service-requests";

    public static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("POST " + BASE, "servicedesk:register"),
            Map.entry("GET " + BASE, "servicedesk:view"),
            Map.entry("GET " + BASE + "/{id}", "servicedesk:view"),
            Map.entry("GET " + BASE + "/statistics", "servicedesk:view"),
            Map.entry("GET " + BASE + "/counts", "servicedesk:view"),
            Map.entry("POST " + BASE + "/{id}/dispatch", "servicedesk:dispatch"),
            Map.entry("GET " + BASE + "/{id}/dispatch-suggestion", "servicedesk:dispatch"),
            Map.entry("POST " + BASE + "/{id}/reassign", "servicedesk:handle"),
            Map.entry("POST " + BASE + "/{id}/hand-back", "servicedesk:handle"),
            Map.entry("POST " + BASE + "/{id}/start", "servicedesk:handle"),
            Map.entry("POST " + BASE + "/{id}/pause", "servicedesk:handle"),
            Map.entry("POST " + BASE + "/{id}/resume", "servicedesk:handle"),
            Map.entry("POST " + BASE + "/{id}/notes", "servicedesk:handle"),
            Map.entry("POST " + BASE + "/{id}/materials", "servicedesk:handle"),
            Map.entry("POST " + BASE + "/{id}/complete", "servicedesk:handle"),
            Map.entry("POST " + BASE + "/{id}/sign-off", "servicedesk:handle"),
            Map.entry("POST " + BASE + "/{id}/callback", "servicedesk:callback"),
            Map.entry("POST " + BASE + "/{id}/close", "servicedesk:callback"),
            Map.entry("POST " + BASE + "/{id}/reopen", "servicedesk:callback"),
            Map.entry("GET /api/v1/service-categories", "servicedesk:view"),
            Map.entry("GET /api/v1/service-categories/{id}", "servicedesk:view"),
            Map.entry("POST /api/v1/service-categories", "servicedesk:configure"),
            Map.entry("PUT /api/v1/service-categories/{id}", "servicedesk:configure"),
            Map.entry("GET /api/v1/sla-policies", "servicedesk:view"),
            Map.entry("GET /api/v1/sla-policies/{id}", "servicedesk:view"),
            Map.entry("POST /api/v1/sla-policies", "servicedesk:configure"),
            Map.entry("PUT /api/v1/sla-policies/{id}", "servicedesk:configure"));

    private ServiceDeskEndpointRules() {
    }
}
