package com.careloop.servicedesk;

import java.util.Map;

/** The intake channels' part of the permission matrix: attachments (API and panel) and the public web form. */
public final class ServiceDeskIntakeEndpointRules {

    private static final String API = "/api/v1/service-requests/{id}/attachments";
    private static final String PAGE = "/service-requests/{id}/attachments";

    public static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("POST " + API, "servicedesk:register"),
            Map.entry("GET " + API, "servicedesk:view"),
            Map.entry("GET " + API + "/{attachmentId}", "servicedesk:view"),
            Map.entry("GET " + PAGE, "servicedesk:view"),
            Map.entry("POST " + PAGE, "servicedesk:register"),
            Map.entry("GET " + PAGE + "/{attachmentId}", "servicedesk:view"),
            Map.entry("GET /public/service-requests", "PUBLIC"),
            Map.entry("POST /public/service-requests", "PUBLIC"),
            Map.entry("GET /public/service-requests/thanks", "PUBLIC"),
            Map.entry("GET /public/service-requests/progress", "PUBLIC"),
            Map.entry("POST /public/service-requests/progress", "PUBLIC"),
            Map.entry("GET /public/service-requests/progress/{token}", "PUBLIC"));

    private ServiceDeskIntakeEndpointRules() {
    }
}
