package com.careloop.complaint;

import java.util.Map;

/** The complaint loop's new endpoints (step forms, new-complaint page): "METHOD /path" -> permission. */
public final class ComplaintLoopEndpointRules {

    private static final String PAGE = "/complaints/{id}";

    public static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("GET /complaints/new", "complaint:receive"),
            Map.entry("POST /complaints/new", "complaint:receive"),
            Map.entry("GET /complaints/customer-lookup", "complaint:receive"),
            Map.entry("POST " + PAGE + "/acknowledge", "complaint:handle"),
            Map.entry("POST " + PAGE + "/assess", "complaint:handle"),
            Map.entry("POST " + PAGE + "/investigate", "complaint:investigate"),
            Map.entry("POST " + PAGE + "/corrective-actions", "complaint:handle"),
            Map.entry("POST " + PAGE + "/corrective-actions/{actionId}/done", "complaint:handle"),
            Map.entry("POST " + PAGE + "/communicate-decision", "complaint:handle"),
            Map.entry("POST " + PAGE + "/verify", "complaint:handle"),
            Map.entry("POST " + PAGE + "/confirm-quality", "complaint:confirm-quality"),
            Map.entry("POST " + PAGE + "/close", "complaint:handle"));

    private ComplaintLoopEndpointRules() {
    }
}
