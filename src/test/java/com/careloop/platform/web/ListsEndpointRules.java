package com.careloop.platform.web;

import java.util.Map;

/**
 * The permission-matrix part of the list sort/export and the global search (issue 14 §4): "METHOD /path" -> permission
 * ("ANY_USER": any signed-in user; each search provider then answers only what the reader may see).
 */
public final class ListsEndpointRules {

    public static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("GET /search", "ANY_USER"),
            Map.entry("GET /api/v1/search", "ANY_USER"),
            Map.entry("GET /complaints/export", "complaint:view"),
            Map.entry("GET /api/v1/complaints/export", "complaint:view"),
            Map.entry("POST /complaints/{id}/handler", "complaint:handle"),
            Map.entry("POST /api/v1/complaints/{id}/handler", "complaint:handle"),
            Map.entry("GET /service-requests/export", "servicedesk:view"),
            Map.entry("GET /api/v1/service-requests/export", "servicedesk:view"),
            Map.entry("GET /capa/export", "capa:view"),
            Map.entry("GET /api/v1/capa/export", "capa:view"),
            Map.entry("GET /claims/export", "claim:view"),
            Map.entry("GET /api/v1/claims/export", "claim:view"),
            Map.entry("GET /callbacks/export", "callback:view"),
            Map.entry("GET /api/v1/callbacks/export", "callback:view"));

    private ListsEndpointRules() {
    }
}
