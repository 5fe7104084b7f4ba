package com.careloop.survey;

import java.util.Map;

/** The survey campaigns' part of the permission matrix (see PermissionMatrixTest): "METHOD /path" -> permission. */
public final class SurveyCampaignEndpointRules {

    private static final String API = "/api/v1/survey-campaigns";
    private static final String PAGE = "/surveys/campaigns";

    public static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("POST " + API, "survey:run"),
            Map.entry("GET " + API, "survey:view"),
            Map.entry("GET " + API + "/{id}", "survey:view"),
            Map.entry("POST " + API + "/{id}/draw", "survey:run"),
            Map.entry("POST " + API + "/{id}/send", "survey:run"),
            Map.entry("POST " + API + "/{id}/remind", "survey:run"),
            Map.entry("POST " + API + "/{id}/supplementary-round", "survey:run"),
            Map.entry("POST " + API + "/{id}/close", "survey:run"),
            Map.entry("GET " + API + "/{id}/response-rate", "survey:view"),
            Map.entry("GET " + API + "/{id}/invitations", "survey:view"),
            Map.entry("POST " + API + "/{id}/invitations/{invitationId}/resend", "survey:run"),
            Map.entry("POST " + API + "/{id}/invitations/{invitationId}/link", "survey:run"),
            Map.entry("GET " + API + "/{id}/send-check", "survey:run"),
            Map.entry("PUT " + API + "/{id}/public-title", "survey:run"),
            Map.entry("GET " + PAGE, "survey:view"),
            Map.entry("GET " + PAGE + "/new", "survey:run"),
            Map.entry("POST " + PAGE, "survey:run"),
            Map.entry("GET " + PAGE + "/{id}", "survey:view"),
            Map.entry("GET " + PAGE + "/{id}/rates", "survey:view"),
            Map.entry("POST " + PAGE + "/{id}/draw", "survey:run"),
            Map.entry("POST " + PAGE + "/{id}/send", "survey:run"),
            Map.entry("POST " + PAGE + "/{id}/remind", "survey:run"),
            Map.entry("POST " + PAGE + "/{id}/supplementary-round", "survey:run"),
            Map.entry("POST " + PAGE + "/{id}/close", "survey:run"),
            Map.entry("POST " + PAGE + "/{id}/invitations/{invitationId}/resend", "survey:run"),
            Map.entry("POST " + PAGE + "/{id}/invitations/{invitationId}/link", "survey:run"),
            Map.entry("POST " + PAGE + "/{id}/public-title", "survey:run"),
            Map.entry("GET " + PAGE + "/{id}/call-list", "survey:enter"),
            Map.entry("GET " + PAGE + "/{id}/invitations/{invitationId}/print", "survey:enter"),
            Map.entry("GET /s/{token}", "PUBLIC"),
            Map.entry("POST /s/{token}", "PUBLIC"),
            Map.entry("GET /s/thanks", "PUBLIC"));

    private SurveyCampaignEndpointRules() {
    }
}
