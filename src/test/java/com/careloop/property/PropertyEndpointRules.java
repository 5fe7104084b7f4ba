package com.careloop.property;

import java.util.Map;

/** The customer property module's part of the permission matrix (see PermissionMatrixTest): "METHOD /path" -> permission. */
public final class PropertyEndpointRules {

    private static final String BASE = "/api/v1/customer-properties";
    private static final String PAGES = "/customer-properties";
    private static final String VIEW = "property:view";
    private static final String REGISTER = "property:register";
    private static final String INSPECT = "property:inspect";
    private static final String CONFIGURE = "property:configure";

    public static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("POST " + BASE, REGISTER),
            Map.entry("GET " + BASE, VIEW),
            Map.entry("GET " + BASE + "/export", VIEW),
            Map.entry("GET " + BASE + "/register.pdf", VIEW),
            Map.entry("GET " + BASE + "/inspections", VIEW),
            Map.entry("POST " + BASE + "/inspections/batch", INSPECT),
            Map.entry("GET " + BASE + "/settings", CONFIGURE),
            Map.entry("PUT " + BASE + "/settings", CONFIGURE),
            Map.entry("GET " + BASE + "/{id}", VIEW),
            Map.entry("GET " + BASE + "/{id}/card.pdf", VIEW),
            Map.entry("GET " + BASE + "/problems/{problemId}/report.pdf", VIEW),
            Map.entry("POST " + BASE + "/{id}/verification", REGISTER),
            Map.entry("POST " + BASE + "/{id}/feedback/{feedbackId}/answer", REGISTER),
            Map.entry("POST " + BASE + "/{id}/hand-overs", REGISTER),
            Map.entry("POST " + BASE + "/{id}/designated-use", REGISTER),
            Map.entry("POST " + BASE + "/{id}/use-consents", REGISTER),
            Map.entry("POST " + BASE + "/{id}/other-uses", REGISTER),
            Map.entry("POST " + BASE + "/{id}/revisions", REGISTER),
            Map.entry("POST " + BASE + "/{id}/revisions/{revisionId}/withdrawal", REGISTER),
            Map.entry("POST " + BASE + "/{id}/revisions/{revisionId}/distribution", REGISTER),
            Map.entry("POST " + BASE + "/{id}/revisions/{revisionId}/confirmations/{confirmationId}", VIEW),
            Map.entry("GET " + BASE + "/confirmations", VIEW),
            Map.entry("POST " + BASE + "/{id}/hand-overs/{movementId}/sign", VIEW),
            Map.entry("POST " + BASE + "/{id}/return", REGISTER),
            Map.entry("POST " + BASE + "/{id}/scrap", REGISTER),
            Map.entry("POST " + BASE + "/{id}/inspections/{inspectionId}", INSPECT),
            Map.entry("POST " + BASE + "/{id}/problems", REGISTER),
            Map.entry("POST " + BASE + "/{id}/files", REGISTER),
            Map.entry("POST " + BASE + "/{id}/inspections/{inspectionId}/photos", INSPECT),
            Map.entry("GET " + BASE + "/{id}/files/{fileId}", VIEW),
            Map.entry("GET " + BASE + "/{id}/files/{fileId}/thumbnail", VIEW),
            Map.entry("GET " + BASE + "/problems/{problemId}", VIEW),
            Map.entry("POST " + BASE + "/problems/{problemId}/decision", REGISTER),
            Map.entry("POST " + BASE + "/problems/{problemId}/capa", REGISTER),
            Map.entry("POST " + BASE + "/problems/{problemId}/link", REGISTER),
            Map.entry("POST " + BASE + "/problems/{problemId}/task", REGISTER),
            Map.entry("POST " + BASE + "/problems/{problemId}/task/done", REGISTER),
            Map.entry("POST " + PAGES + "/problems/{problemId}/task", REGISTER),
            Map.entry("POST " + PAGES + "/problems/{problemId}/task/done", REGISTER),
            Map.entry("POST " + PAGES + "/problems/{problemId}/link", REGISTER),
            Map.entry("GET /public/property-problems/{token}", "PUBLIC"),
            Map.entry("POST /public/property-problems/{token}", "PUBLIC"),
            Map.entry("GET " + PAGES, VIEW),
            Map.entry("GET " + PAGES + "/export", VIEW),
            Map.entry("GET " + PAGES + "/register", VIEW),
            Map.entry("GET " + PAGES + "/inspections", VIEW),
            Map.entry("POST " + PAGES + "/inspections/batch", INSPECT),
            Map.entry("GET " + PAGES + "/settings", CONFIGURE),
            Map.entry("POST " + PAGES + "/settings", CONFIGURE),
            Map.entry("GET " + PAGES + "/new", REGISTER),
            Map.entry("POST " + PAGES + "/new", REGISTER),
            Map.entry("GET " + PAGES + "/{id}", VIEW),
            Map.entry("GET " + PAGES + "/{id}/card", VIEW),
            Map.entry("GET " + PAGES + "/{id}/card.pdf", VIEW),
            Map.entry("GET " + PAGES + "/problems/{problemId}/report", VIEW),
            Map.entry("GET " + PAGES + "/problems/{problemId}/report.pdf", VIEW),
            Map.entry("POST " + PAGES + "/{id}/verification", REGISTER),
            Map.entry("POST " + PAGES + "/{id}/feedback/{feedbackId}/answer", REGISTER),
            Map.entry("POST " + PAGES + "/{id}/hand-overs", REGISTER),
            Map.entry("POST " + PAGES + "/{id}/designated-use", REGISTER),
            Map.entry("POST " + PAGES + "/{id}/use-consents", REGISTER),
            Map.entry("POST " + PAGES + "/{id}/other-uses", REGISTER),
            Map.entry("POST " + PAGES + "/{id}/revisions", REGISTER),
            Map.entry("POST " + PAGES + "/{id}/revisions/{revisionId}/withdrawal", REGISTER),
            Map.entry("POST " + PAGES + "/{id}/revisions/{revisionId}/distribution", REGISTER),
            Map.entry("POST " + PAGES + "/{id}/revisions/{revisionId}/confirmations/{confirmationId}", VIEW),
            Map.entry("GET " + PAGES + "/confirmations", VIEW),
            Map.entry("POST " + PAGES + "/{id}/hand-overs/{movementId}/sign", VIEW),
            Map.entry("POST " + PAGES + "/{id}/return", REGISTER),
            Map.entry("POST " + PAGES + "/{id}/scrap", REGISTER),
            Map.entry("POST " + PAGES + "/{id}/inspections/{inspectionId}", INSPECT),
            Map.entry("POST " + PAGES + "/{id}/problems", REGISTER),
            Map.entry("POST " + PAGES + "/{id}/files", REGISTER),
            Map.entry("POST " + PAGES + "/{id}/inspections/{inspectionId}/photos", INSPECT),
            Map.entry("GET " + PAGES + "/{id}/files/{fileId}", VIEW),
            Map.entry("GET " + PAGES + "/{id}/files/{fileId}/thumbnail", VIEW),
            Map.entry("POST " + PAGES + "/problems/{problemId}/decision", REGISTER),
            Map.entry("POST " + PAGES + "/problems/{problemId}/capa", REGISTER));

    private PropertyEndpointRules() {
    }
}
