package com.careloop.fieldservice;

import java.util.Map;

/** The field-service module's part of the permission matrix (see PermissionMatrixTest): "METHOD /path" -> permission. */
public final class FieldServiceEndpointRules {

    private static final String BASE = "/api/v1/field-services";
    private static final String VIEW = "fieldservice:view";
    private static final String PLAN = "fieldservice:plan";
    private static final String BRIEF = "fieldservice:brief";
    private static final String REPORT = "fieldservice:report";
    private static final String MANAGE = "fieldservice:manage";

    public static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("POST " + BASE, PLAN),
            Map.entry("GET " + BASE, VIEW),
            Map.entry("GET " + BASE + "/{id}", VIEW),
            Map.entry("GET " + BASE + "/{id}/report.pdf", VIEW),
            Map.entry("POST " + BASE + "/{id}/briefing", BRIEF),
            Map.entry("POST " + BASE + "/{id}/briefing/acknowledge", VIEW),
            Map.entry("POST " + BASE + "/{id}/checklist", BRIEF),
            Map.entry("POST " + BASE + "/{id}/departure-exception", MANAGE),
            Map.entry("POST " + BASE + "/{id}/depart", REPORT),
            Map.entry("POST " + BASE + "/{id}/arrive", REPORT),
            Map.entry("POST " + BASE + "/{id}/leave", REPORT),
            Map.entry("POST " + BASE + "/{id}/work", REPORT),
            Map.entry("POST " + BASE + "/{id}/findings", REPORT),
            Map.entry("POST " + BASE + "/{id}/measurements", REPORT),
            Map.entry("POST " + BASE + "/{id}/hours", REPORT),
            Map.entry("POST " + BASE + "/{id}/parts-used", REPORT),
            Map.entry("POST " + BASE + "/{id}/open-points", REPORT),
            Map.entry("POST " + BASE + "/{id}/open-points/{pointId}/follow-up", REPORT),
            Map.entry("POST " + BASE + "/{id}/customer-signature", REPORT),
            Map.entry("POST " + BASE + "/{id}/leader-signature", REPORT),
            Map.entry("POST " + BASE + "/{id}/photos", REPORT),
            Map.entry("GET " + BASE + "/{id}/files/{fileId}", VIEW),
            Map.entry("GET " + BASE + "/{id}/files/{fileId}/thumbnail", VIEW));

    private FieldServiceEndpointRules() {
    }
}
