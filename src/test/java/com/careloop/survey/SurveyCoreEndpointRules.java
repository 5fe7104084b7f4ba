package com.careloop.survey;

import java.util.Map;

/** The survey core's part of the permission matrix (see PermissionMatrixTest): "METHOD /path" -> permission. */
public final class SurveyCoreEndpointRules {

    private static final String TEMPLATES = "/api/v1/survey-templates";
    private static final String RESPONSES = "/api/v1/survey-responses";

    public static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("GET " + TEMPLATES, "survey:view"),
            Map.entry("GET " + TEMPLATES + "/{id}", "survey:view"),
            Map.entry("POST " + TEMPLATES, "survey:design"),
            Map.entry("PUT " + TEMPLATES + "/{id}", "survey:design"),
            Map.entry("POST " + TEMPLATES + "/{id}/publish", "survey:design"),
            Map.entry("POST " + TEMPLATES + "/{id}/retire", "survey:design"),
            Map.entry("POST " + RESPONSES, "survey:enter"),
            Map.entry("GET " + RESPONSES + "/{id}", "survey:view"),
            Map.entry("POST " + RESPONSES + "/{id}/fault-confirmation", "survey:report"),
            Map.entry("GET /api/v1/survey-campaigns/{id}/report", "survey:report"),
            Map.entry("GET /api/v1/survey-campaigns/{id}/report/export", "survey:report"),
            Map.entry("GET /surveys/templates", "survey:view"),
            Map.entry("GET /surveys/templates/{id}", "survey:view"),
            Map.entry("GET /surveys/templates/new", "survey:design"),
            Map.entry("GET /surveys/templates/{id}/edit", "survey:design"),
            Map.entry("POST /surveys/templates", "survey:design"),
            Map.entry("POST /surveys/templates/{id}/publish", "survey:design"),
            Map.entry("POST /surveys/templates/{id}/retire", "survey:design"),
            Map.entry("GET /surveys/campaigns/{campaignId}/invitations/{invitationId}/answer", "survey:enter"),
            Map.entry("POST /surveys/campaigns/{campaignId}/invitations/{invitationId}/answer", "survey:enter"),
            Map.entry("GET /surveys/campaigns/{id}/report", "survey:report"),
            Map.entry("GET /surveys/campaigns/{id}/report/export", "survey:report"),
            Map.entry("POST /surveys/campaigns/{id}/report/opinions/{responseId}/fault", "survey:report"));

    private SurveyCoreEndpointRules() {
    }
}
