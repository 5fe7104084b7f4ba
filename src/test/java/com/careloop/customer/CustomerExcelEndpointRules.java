package com.careloop.customer;

import java.util.Map;

/** This feature's part of the permission matrix (see PermissionMatrixTest): "METHOD /path" -> permission, ANY_USER or PUBLIC. */
public final class CustomerExcelEndpointRules {

    public static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("GET /customers/import", "customer:import"),
            Map.entry("POST /customers/import", "customer:import"),
            Map.entry("GET /customers/import/template", "customer:import"),
            Map.entry("GET /customers/import/errors", "customer:import"),
            Map.entry("GET /customers/export", "customer:export"),
            Map.entry("GET /customers/revenue-ranking", "customer:revenue"),
            Map.entry("GET /customers/revenue-ranking/export", "customer:revenue"),
            Map.entry("GET /customers/revenue-ranking/import-template", "customer:revenue"),
            Map.entry("POST /customers/revenue-ranking/import", "customer:revenue"),
            Map.entry("GET /customers/revenue-ranking/import-errors", "customer:revenue"),
            Map.entry("POST /customers/{id}/revenue", "customer:revenue"),
            Map.entry("GET /api/v1/customers/import-template", "customer:import"),
            Map.entry("POST /api/v1/customers/imports", "customer:import"),
            Map.entry("GET /api/v1/customers/export", "customer:export"),
            Map.entry("GET /api/v1/customers/{id}/revenue", "customer:revenue"),
            Map.entry("PUT /api/v1/customers/{id}/revenue/{year}", "customer:revenue"),
            Map.entry("GET /api/v1/customers/revenue-ranking", "customer:revenue"),
            Map.entry("GET /api/v1/customers/revenue-import-template", "customer:revenue"),
            Map.entry("POST /api/v1/customers/revenue-imports", "customer:revenue"));

    private CustomerExcelEndpointRules() {
    }
}
