package com.careloop.property;

import java.util.Map;

/** The samples' part of the permission matrix (see PermissionMatrixTest): "METHOD /path" -> permission. */
public final class SampleEndpointRules {

    private static final String BASE = "/api/v1/samples";
    private static final String PAGES = "/samples";
    private static final String VIEW = "sample:view";
    private static final String REQUEST = "sample:request";
    private static final String PRODUCE = "sample:produce";
    private static final String INSPECT = "sample:inspect";
    private static final String KEEP = "sample:keep";

    public static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("POST " + BASE, REQUEST),
            Map.entry("GET " + BASE, VIEW),
            Map.entry("GET " + BASE + "/export", VIEW),
            Map.entry("GET " + BASE + "/register.pdf", VIEW),
            Map.entry("GET " + BASE + "/{id}", VIEW),
            Map.entry("GET " + BASE + "/{id}/rounds/{round}/inspection.pdf", VIEW),
            Map.entry("GET " + BASE + "/{id}/notice.pdf", VIEW),
            Map.entry("POST " + BASE + "/{id}/accept", PRODUCE),
            Map.entry("POST " + BASE + "/{id}/decline", PRODUCE),
            Map.entry("POST " + BASE + "/{id}/making", PRODUCE),
            Map.entry("POST " + BASE + "/{id}/inspection", INSPECT),
            Map.entry("POST " + BASE + "/{id}/dispatch", REQUEST),
            Map.entry("POST " + BASE + "/{id}/confirmation", REQUEST),
            Map.entry("POST " + BASE + "/{id}/seal", REQUEST),
            Map.entry("POST " + BASE + "/{id}/link", REQUEST),
            Map.entry("POST " + BASE + "/{id}/keep", KEEP),
            Map.entry("POST " + BASE + "/{id}/files", REQUEST),
            Map.entry("GET " + BASE + "/{id}/files/{fileId}", VIEW),
            Map.entry("GET /public/sample-confirmations/{token}", "PUBLIC"),
            Map.entry("POST /public/sample-confirmations/{token}", "PUBLIC"),
            Map.entry("GET " + PAGES, VIEW),
            Map.entry("GET " + PAGES + "/export", VIEW),
            Map.entry("GET " + PAGES + "/register", VIEW),
            Map.entry("GET " + PAGES + "/new", REQUEST),
            Map.entry("POST " + PAGES + "/new", REQUEST),
            Map.entry("GET " + PAGES + "/{id}", VIEW),
            Map.entry("GET " + PAGES + "/{id}/rounds/{round}/inspection", VIEW),
            Map.entry("GET " + PAGES + "/{id}/notice", VIEW),
            Map.entry("GET " + PAGES + "/{id}/notice.pdf", VIEW),
            Map.entry("GET " + PAGES + "/{id}/rounds/{round}/inspection.pdf", VIEW),
            Map.entry("GET " + PAGES + "/{id}/files/{fileId}", VIEW),
            Map.entry("POST " + PAGES + "/{id}/files", REQUEST),
            Map.entry("POST " + PAGES + "/{id}/accept", PRODUCE),
            Map.entry("POST " + PAGES + "/{id}/decline", PRODUCE),
            Map.entry("POST " + PAGES + "/{id}/making", PRODUCE),
            Map.entry("POST " + PAGES + "/{id}/inspection", INSPECT),
            Map.entry("POST " + PAGES + "/{id}/dispatch", REQUEST),
            Map.entry("POST " + PAGES + "/{id}/confirmation", REQUEST),
            Map.entry("POST " + PAGES + "/{id}/seal", REQUEST),
            Map.entry("POST " + PAGES + "/{id}/link", REQUEST),
            Map.entry("GET " + PAGES + "/keep", KEEP),
            Map.entry("POST " + PAGES + "/{id}/keep", KEEP));

    private SampleEndpointRules() {
    }
}
