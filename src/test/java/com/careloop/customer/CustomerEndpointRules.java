package com.careloop.customer;

import java.util.Map;

/** The customer archive's part of the permission matrix (see PermissionMatrixTest). */
public final class CustomerEndpointRules {

    public static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("GET /customers", "customer:view"),
            Map.entry("GET /customers/new", "customer:manage"),
            Map.entry("GET /customers/{id}/edit", "customer:manage"),
            Map.entry("POST /customers", "customer:manage"),
            Map.entry("POST /customers/{id}", "customer:manage"),
            Map.entry("POST /customers/{id}/{action:deactivate|activate}", "customer:manage"),
            Map.entry("GET /customers/{id}", "customer:view"),
            Map.entry("GET /api/v1/customers", "customer:view"),
            Map.entry("GET /api/v1/customers/{id}", "customer:view"),
            Map.entry("GET /api/v1/customers/duplicates", "customer:view"),
            Map.entry("POST /api/v1/customers", "customer:manage"),
            Map.entry("PUT /api/v1/customers/{id}", "customer:manage"),
            Map.entry("POST /api/v1/customers/{id}/deactivate", "customer:manage"),
            Map.entry("POST /api/v1/customers/{id}/activate", "customer:manage"));

    private CustomerEndpointRules() {
    }
}
