package com.careloop.product;

import java.util.Map;

/** The product module's part of the permission matrix (see PermissionMatrixTest): "METHOD /path" -> permission. */
public final class ProductEndpointRules {

    private static final String BASE = "/api/v1/product-developments";
    private static final String PAGES = "/product-developments";
    private static final String VIEW = "product:view";
    private static final String REQUEST = "product:request";
    private static final String DEVELOP = "product:develop";
    private static final String COST = "product:cost";
    private static final String QUOTE = "product:quote";

    public static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("POST " + BASE, REQUEST),
            Map.entry("GET " + BASE, VIEW),
            Map.entry("GET " + BASE + "/board", VIEW),
            Map.entry("GET " + BASE + "/statistics", VIEW),
            Map.entry("GET " + BASE + "/statistics/export", VIEW),
            Map.entry("GET " + BASE + "/export", VIEW),
            Map.entry("GET " + BASE + "/{id}", VIEW),
            Map.entry("POST " + BASE + "/{id}/rnd-report", DEVELOP),
            Map.entry("POST " + BASE + "/{id}/process-sheet", DEVELOP),
            Map.entry("POST " + BASE + "/{id}/pilot", DEVELOP),
            Map.entry("POST " + BASE + "/{id}/cost", COST),
            Map.entry("POST " + BASE + "/{id}/quotation", QUOTE),
            Map.entry("POST " + BASE + "/{id}/quotation/sent", REQUEST),
            Map.entry("POST " + BASE + "/{id}/quotation/link", REQUEST),
            Map.entry("POST " + BASE + "/{id}/requotation", QUOTE),
            Map.entry("POST " + BASE + "/{id}/answer", REQUEST),
            Map.entry("POST " + BASE + "/{id}/files", REQUEST),
            Map.entry("GET " + BASE + "/{id}/files/{fileId}", VIEW),
            Map.entry("GET " + BASE + "/{id}/forms/{form}.pdf", VIEW),
            Map.entry("GET " + PAGES, VIEW),
            Map.entry("GET " + PAGES + "/list", VIEW),
            Map.entry("GET " + PAGES + "/statistics", VIEW),
            Map.entry("GET " + PAGES + "/statistics/export", VIEW),
            Map.entry("GET " + PAGES + "/list/export", VIEW),
            Map.entry("GET " + PAGES + "/new", REQUEST),
            Map.entry("POST " + PAGES + "/new", REQUEST),
            Map.entry("GET " + PAGES + "/{id}", VIEW),
            Map.entry("GET " + PAGES + "/{id}/forms/{form}", VIEW),
            Map.entry("GET " + PAGES + "/{id}/forms/{form}.pdf", VIEW),
            Map.entry("GET " + PAGES + "/{id}/files/{fileId}", VIEW),
            Map.entry("POST " + PAGES + "/{id}/rnd-report", DEVELOP),
            Map.entry("POST " + PAGES + "/{id}/process-sheet", DEVELOP),
            Map.entry("POST " + PAGES + "/{id}/pilot", DEVELOP),
            Map.entry("POST " + PAGES + "/{id}/cost", COST),
            Map.entry("POST " + PAGES + "/{id}/quotation", QUOTE),
            Map.entry("POST " + PAGES + "/{id}/quotation/sent", REQUEST),
            Map.entry("POST " + PAGES + "/{id}/quotation/link", REQUEST),
            Map.entry("POST " + PAGES + "/{id}/requotation", QUOTE),
            Map.entry("GET /public/product-quotations/{token}", "PUBLIC"),
            Map.entry("POST /public/product-quotations/{token}", "PUBLIC"),
            Map.entry("POST " + PAGES + "/{id}/answer", REQUEST),
            Map.entry("POST " + PAGES + "/{id}/files", REQUEST));

    private ProductEndpointRules() {
    }
}
