package com.careloop.inspection;

import java.util.Map;

/** The inspection module's part of the permission matrix (see PermissionMatrixTest): "METHOD /path" -> permission. */
public final class InspectionEndpointRules {

    private static final String T = "/api/v1/checklist-templates";
    private static final String A = "/api/v1/audits";
    private static final String PT = "/checklist-templates";
    private static final String PA = "/audits";
    private static final String VIEW = "inspection:view";
    private static final String CONDUCT = "inspection:conduct";
    private static final String MANAGE = "inspection:manage";
    private static final String CONFIGURE = "inspection:configure";

    public static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("GET " + T, VIEW),
            Map.entry("GET " + T + "/{id}", VIEW),
            Map.entry("POST " + T, CONFIGURE),
            Map.entry("PUT " + T + "/{id}", CONFIGURE),
            Map.entry("POST " + T + "/{id}/publish", CONFIGURE),
            Map.entry("POST " + T + "/{id}/retire", CONFIGURE),
            Map.entry("POST " + T + "/{id}/revisions", CONFIGURE),
            Map.entry("POST " + A, MANAGE),
            Map.entry("GET " + A, VIEW),
            Map.entry("GET " + A + "/{id}", VIEW),
            Map.entry("GET " + A + "/{id}/report.pdf", VIEW),
            Map.entry("POST " + A + "/{id}/start", CONDUCT),
            Map.entry("PUT " + A + "/{id}/answers/{itemId}", CONDUCT),
            Map.entry("POST " + A + "/{id}/answers/{itemId}/photos", CONDUCT),
            Map.entry("POST " + A + "/{id}/folders/{folder}", CONDUCT),
            Map.entry("GET " + A + "/{id}/files/{fileId}", VIEW),
            Map.entry("GET " + A + "/{id}/files/{fileId}/thumbnail", VIEW),
            Map.entry("POST " + A + "/{id}/finish", CONDUCT),
            Map.entry("POST " + A + "/{id}/findings", CONDUCT),
            Map.entry("POST " + A + "/{id}/risk-assessment", CONDUCT),
            Map.entry("POST " + A + "/{id}/decision", MANAGE),
            Map.entry("POST " + A + "/{id}/close", MANAGE),
            Map.entry("GET " + A + "/findings", VIEW),
            Map.entry("GET " + A + "/findings/export", VIEW),
            Map.entry("GET " + A + "/findings/{findingId}", VIEW),
            Map.entry("POST " + A + "/findings/{findingId}/capa", CONDUCT),
            Map.entry("POST " + A + "/findings/{findingId}/correction", CONDUCT),
            Map.entry("GET " + PA, VIEW),
            Map.entry("POST " + PA, MANAGE),
            Map.entry("GET " + PA + "/{id}", VIEW),
            Map.entry("GET " + PA + "/{id}/report", VIEW),
            Map.entry("POST " + PA + "/{id}/start", CONDUCT),
            Map.entry("POST " + PA + "/{id}/answers/{itemId}", CONDUCT),
            Map.entry("POST " + PA + "/{id}/answers/{itemId}/photos", CONDUCT),
            Map.entry("POST " + PA + "/{id}/folders/{folder}", CONDUCT),
            Map.entry("GET " + PA + "/{id}/files/{fileId}", VIEW),
            Map.entry("GET " + PA + "/{id}/files/{fileId}/thumbnail", VIEW),
            Map.entry("POST " + PA + "/{id}/finish", CONDUCT),
            Map.entry("POST " + PA + "/{id}/close", MANAGE),
            Map.entry("POST " + PA + "/{id}/findings", CONDUCT),
            Map.entry("POST " + PA + "/{id}/risk-assessment", CONDUCT),
            Map.entry("POST " + PA + "/{id}/decision", MANAGE),
            Map.entry("POST " + PA + "/findings/{findingId}/capa", CONDUCT),
            Map.entry("POST " + PA + "/findings/{findingId}/correction", CONDUCT),
            Map.entry("GET " + PA + "/findings", VIEW),
            Map.entry("GET " + PA + "/findings/export", VIEW),
            Map.entry("GET " + A + "/readiness", VIEW),
            Map.entry("GET " + A + "/readiness/{taskId}", VIEW),
            Map.entry("PUT " + A + "/readiness/{taskId}/items/{itemId}", CONDUCT),
            Map.entry("POST " + A + "/readiness/{taskId}/items/{itemId}/evidence", CONDUCT),
            Map.entry("POST " + A + "/readiness/{taskId}/check", CONDUCT),
            Map.entry("POST " + A + "/{id}/readiness-override", MANAGE),
            Map.entry("POST " + A + "/findings/{findingId}/reply", CONDUCT),
            Map.entry("GET " + A + "/schedules", MANAGE),
            Map.entry("POST " + A + "/schedules", MANAGE),
            Map.entry("POST " + A + "/schedules/{scheduleId}/stop", MANAGE),
            Map.entry("GET " + PA + "/readiness", VIEW),
            Map.entry("GET " + PA + "/readiness/{taskId}", VIEW),
            Map.entry("POST " + PA + "/readiness/{taskId}/items/{itemId}", CONDUCT),
            Map.entry("POST " + PA + "/readiness/{taskId}/items/{itemId}/evidence", CONDUCT),
            Map.entry("POST " + PA + "/readiness/{taskId}/check", CONDUCT),
            Map.entry("POST " + PA + "/{id}/readiness-override", MANAGE),
            Map.entry("POST " + PA + "/findings/{findingId}/reply", CONDUCT),
            Map.entry("GET " + PA + "/schedules", MANAGE),
            Map.entry("POST " + PA + "/schedules", MANAGE),
            Map.entry("POST " + PA + "/schedules/{scheduleId}/stop", MANAGE),
            Map.entry("GET " + A + "/statistics", MANAGE),
            Map.entry("GET " + A + "/statistics/export", MANAGE),
            Map.entry("GET " + PA + "/statistics", MANAGE),
            Map.entry("GET " + PA + "/statistics/export", MANAGE),
            Map.entry("GET " + T + "/{id}/export", VIEW),
            Map.entry("POST " + T + "/import", CONFIGURE),
            Map.entry("GET " + PT + "/{id}/export", VIEW),
            Map.entry("POST " + PT + "/import", CONFIGURE),
            Map.entry("GET " + PT, VIEW),
            Map.entry("GET " + PT + "/{id}", VIEW),
            Map.entry("POST " + PT + "/{id}/publish", CONFIGURE),
            Map.entry("POST " + PT + "/{id}/retire", CONFIGURE),
            Map.entry("POST " + PT + "/{id}/revisions", CONFIGURE));

    private InspectionEndpointRules() {
    }
}
