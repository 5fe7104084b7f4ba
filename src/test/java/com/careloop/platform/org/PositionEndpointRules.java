package com.careloop.platform.org;

import java.util.Map;

/** The positions' part of the permission matrix (see PermissionMatrixTest). */
public final class PositionEndpointRules {

    public static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("GET /api/v1/positions", "org:view"),
            Map.entry("GET /api/v1/positions/{id}", "org:view"),
            Map.entry("POST /api/v1/positions", "org:manage"),
            Map.entry("PUT /api/v1/positions/{id}", "org:manage"),
            Map.entry("POST /api/v1/positions/{id}/retire", "org:manage"),
            Map.entry("POST /api/v1/positions/{id}/reactivate", "org:manage"),
            Map.entry("GET /admin/positions", "org:view"),
            Map.entry("POST /admin/positions", "org:manage"),
            Map.entry("POST /admin/positions/{id}", "org:manage"),
            Map.entry("POST /admin/positions/{id}/{action:retire|reactivate}", "org:manage"));

    private PositionEndpointRules() {
    }
}
