package com.careloop.capa;

import java.util.Map;

/** The CAPA module's part of the permission matrix (see PermissionMatrixTest): "METHOD /path" -> permission. */
public final class CapaEndpointRules {

    private static final String BASE = "/api/v1/capa";

    public static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("POST " + BASE, "capa:handle"),
            Map.entry("GET " + BASE, "capa:view"),
            Map.entry("GET " + BASE + "/{id}", "capa:view"),
            Map.entry("GET " + BASE + "/{id}/8d.pdf", "capa:view"),
            Map.entry("POST " + BASE + "/{id}/containment", "capa:handle"),
            Map.entry("POST " + BASE + "/{id}/root-cause", "capa:handle"),
            Map.entry("POST " + BASE + "/{id}/actions", "capa:handle"),
            Map.entry("POST " + BASE + "/{id}/actions/{actionId}/done", "capa:view"),
            Map.entry("POST " + BASE + "/{id}/start-verification", "capa:handle"),
            Map.entry("POST " + BASE + "/{id}/effectiveness-checks", "capa:handle"),
            Map.entry("POST " + BASE + "/{id}/close", "capa:close"),
            Map.entry("POST " + BASE + "/{id}/team", "capa:handle"),
            Map.entry("GET /capa", "capa:view"),
            Map.entry("GET /capa/new", "capa:handle"),
            Map.entry("POST /capa/new", "capa:handle"),
            Map.entry("GET /capa/{id}", "capa:view"),
            Map.entry("GET /capa/{id}/8d", "capa:view"),
            Map.entry("GET /capa/{id}/8d.pdf", "capa:view"),
            Map.entry("POST /capa/{id}/containment", "capa:handle"),
            Map.entry("POST /capa/{id}/root-cause", "capa:handle"),
            Map.entry("POST /capa/{id}/actions", "capa:handle"),
            Map.entry("POST /capa/{id}/actions/{actionId}/done", "capa:view"),
            Map.entry("POST /capa/{id}/start-verification", "capa:handle"),
            Map.entry("POST /capa/{id}/effectiveness-checks", "capa:handle"),
            Map.entry("POST /capa/{id}/close", "capa:close"),
            Map.entry("POST /capa/{id}/team", "capa:handle"));

    private CapaEndpointRules() {
    }
}
