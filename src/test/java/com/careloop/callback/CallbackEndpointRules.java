package com.careloop.callback;

import java.util.Map;

/** The callback module's part of the permission matrix (see PermissionMatrixTest): "METHOD /path" -> permission. */
public final class CallbackEndpointRules {

    private static final String BASE = "/api/v1/callbacks";

    public static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("GET " + BASE, "callback:view"),
            Map.entry("GET " + BASE + "/counters", "callback:view"),
            Map.entry("POST " + BASE, "callback:handle"),
            Map.entry("GET " + BASE + "/{id}", "callback:view"),
            Map.entry("POST " + BASE + "/{id}/attempts", "callback:handle"),
            Map.entry("POST " + BASE + "/{id}/complete", "callback:handle"),
            Map.entry("POST " + BASE + "/{id}/cancel", "callback:manage"),
            Map.entry("POST " + BASE + "/{id}/assign", "callback:manage"),
            Map.entry("GET " + BASE + "/plans", "callback:view"),
            Map.entry("GET " + BASE + "/plans/{id}", "callback:view"),
            Map.entry("PUT " + BASE + "/plans/{id}", "callback:manage"),
            Map.entry("GET " + BASE + "/statistics", "callback:stats"),
            Map.entry("GET " + BASE + "/key-customers/annual", "callback:stats"),
            Map.entry("GET /callbacks", "callback:view"),
            Map.entry("GET /callbacks/{id}", "callback:view"),
            Map.entry("POST /callbacks/{id}/not-reached", "callback:handle"),
            Map.entry("POST /callbacks/{id}/complete", "callback:handle"),
            Map.entry("POST /callbacks/{id}/cancel", "callback:manage"),
            Map.entry("POST /callbacks/{id}/assign", "callback:manage"),
            Map.entry("GET /callbacks/new", "callback:handle"),
            Map.entry("POST /callbacks/new", "callback:handle"),
            Map.entry("GET /callbacks/plans", "callback:view"),
            Map.entry("POST /callbacks/plans/{id}", "callback:manage"),
            Map.entry("GET /callbacks/stats", "callback:stats"),
            Map.entry("GET /callbacks/stats/export", "callback:stats"),
            Map.entry("GET /callbacks/key-customers/annual", "callback:stats"),
            Map.entry("GET /callbacks/key-customers/annual/export", "callback:stats"));

    private CallbackEndpointRules() {
    }
}
