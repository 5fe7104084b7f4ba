package com.careloop.complaint;

import java.util.Map;

/** The complaint module's part of the permission matrix (see PermissionMatrixTest): "METHOD /path" -> permission. */
public final class ComplaintEndpointRules {

    private static final String BASE = "/api/v1/complaints";

    public static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("POST " + BASE, "complaint:receive"),
            Map.entry("GET " + BASE, "complaint:view"),
            Map.entry("GET " + BASE + "/{id}", "complaint:view"),
            Map.entry("GET " + BASE + "/{id}/form.pdf", "complaint:view"),
            Map.entry("GET " + BASE + "/{id}/quality-feedback.pdf", "complaint:view"),
            Map.entry("POST " + BASE + "/{id}/acknowledge", "complaint:handle"),
            Map.entry("POST " + BASE + "/{id}/assess", "complaint:handle"),
            Map.entry("POST " + BASE + "/{id}/investigate", "complaint:investigate"),
            Map.entry("POST " + BASE + "/{id}/corrective-actions", "complaint:handle"),
            Map.entry("POST " + BASE + "/{id}/corrective-actions/{actionId}/done", "complaint:handle"),
            Map.entry("POST " + BASE + "/{id}/communicate-decision", "complaint:handle"),
            Map.entry("POST " + BASE + "/{id}/verify", "complaint:handle"),
            Map.entry("POST " + BASE + "/{id}/confirm-quality", "complaint:confirm-quality"),
            Map.entry("POST " + BASE + "/{id}/close", "complaint:handle"),
            Map.entry("GET /complaints", "complaint:view"),
            Map.entry("GET /complaints/{id}", "complaint:view"),
            Map.entry("GET /complaints/{id}/form", "complaint:view"),
            Map.entry("GET /complaints/{id}/form.pdf", "complaint:view"),
            Map.entry("GET /complaints/{id}/quality-feedback", "complaint:view"),
            Map.entry("GET /complaints/{id}/quality-feedback.pdf", "complaint:view"));

    private ComplaintEndpointRules() {
    }
}
