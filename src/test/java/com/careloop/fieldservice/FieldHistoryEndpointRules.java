package com.careloop.fieldservice;

import java.util.Map;

/** Visit reports, failure history, warranty parts and statistics in the permission matrix: "METHOD /path" -> permission. */
public final class FieldHistoryEndpointRules {

    private static final String VISITS = "/api/v1/visit-reports";
    private static final String FAILURES = "/api/v1/product-failures";
    private static final String PARTS = "/api/v1/warranty-parts";
    private static final String STATS = "/api/v1/field-services/statistics";
    private static final String VIEW = "fieldservice:view";
    private static final String MANAGE = "fieldservice:manage";
    private static final String VISIT = "fieldservice:visit";
    private static final String FAIL = "fieldservice:failures";
    private static final String WARRANTY = "fieldservice:warranty";

    public static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("POST " + VISITS, VISIT),
            Map.entry("GET " + VISITS, VIEW),
            Map.entry("GET " + VISITS + "/my-actions", VIEW),
            Map.entry("GET " + VISITS + "/{id}", VIEW),
            Map.entry("GET " + VISITS + "/{id}/report.pdf", VIEW),
            Map.entry("POST " + VISITS + "/{id}/visit", VISIT),
            Map.entry("POST " + VISITS + "/{id}/actions", VISIT),
            Map.entry("POST " + VISITS + "/{id}/actions/{actionId}/done", VIEW),
            Map.entry("POST " + FAILURES, FAIL),
            Map.entry("GET " + FAILURES, VIEW),
            Map.entry("GET " + FAILURES + "/export", VIEW),
            Map.entry("GET " + FAILURES + "/{id}", VIEW),
            Map.entry("GET " + FAILURES + "/timeline", VIEW),
            Map.entry("GET " + FAILURES + "/recurring", VIEW),
            Map.entry("GET " + FAILURES + "/modes", VIEW),
            Map.entry("PUT " + FAILURES + "/modes", FAIL),
            Map.entry("GET " + FAILURES + "/intake", FAIL),
            Map.entry("POST " + FAILURES + "/intake/{intakeId}/classify", FAIL),
            Map.entry("POST " + FAILURES + "/intake/{intakeId}/dismiss", FAIL),
            Map.entry("POST " + PARTS, WARRANTY),
            Map.entry("GET " + PARTS, VIEW),
            Map.entry("GET " + PARTS + "/{id}", VIEW),
            Map.entry("GET " + PARTS + "/{id}/form.pdf", VIEW),
            Map.entry("POST " + PARTS + "/{id}/analysis", FAIL),
            Map.entry("POST " + PARTS + "/{id}/close", FAIL),
            Map.entry("GET " + STATS, MANAGE),
            Map.entry("GET " + STATS + "/export", MANAGE),
            Map.entry("GET /visit-reports", VIEW),
            Map.entry("GET /visit-reports/my-actions", VIEW),
            Map.entry("GET /visit-reports/new", VISIT),
            Map.entry("POST /visit-reports/new", VISIT),
            Map.entry("GET /visit-reports/{id}", VIEW),
            Map.entry("POST /visit-reports/{id}/visit", VISIT),
            Map.entry("POST /visit-reports/{id}/actions", VISIT),
            Map.entry("POST /visit-reports/{id}/actions/{actionId}/done", VIEW),
            Map.entry("GET /visit-reports/{id}/print", VIEW),
            Map.entry("GET /visit-reports/{id}/report.pdf", VIEW),
            Map.entry("GET /product-failures", VIEW),
            Map.entry("GET /product-failures/export", VIEW),
            Map.entry("GET /product-failures/timeline", VIEW),
            Map.entry("POST /product-failures", FAIL),
            Map.entry("GET /product-failures/intake", FAIL),
            Map.entry("POST /product-failures/intake/{id}/classify", FAIL),
            Map.entry("POST /product-failures/intake/{id}/dismiss", FAIL),
            Map.entry("GET /product-failures/modes", FAIL),
            Map.entry("POST /product-failures/modes", FAIL),
            Map.entry("GET /warranty-parts", VIEW),
            Map.entry("GET /warranty-parts/{id}", VIEW),
            Map.entry("POST /warranty-parts", WARRANTY),
            Map.entry("POST /warranty-parts/{id}/analysis", FAIL),
            Map.entry("POST /warranty-parts/{id}/close", FAIL),
            Map.entry("GET /warranty-parts/{id}/print", VIEW),
            Map.entry("GET /field-services/statistics", MANAGE));

    private FieldHistoryEndpointRules() {
    }
}
