package com.careloop.customer;

import java.util.Map;

/** This feature's part of the permission matrix (see PermissionMatrixTest): "METHOD /path" -> permission, ANY_USER or PUBLIC. */
public final class KeyCustomerEndpointRules {

    public static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("GET /key-customers", "customer:view"),
            Map.entry("GET /key-customers/review", "customer:view"),
            Map.entry("POST /key-customers/review", "customer:approve-key"),
            Map.entry("POST /key-customers/proposals", "customer:propose-key"),
            Map.entry("POST /key-customers/proposals/{id}/{decision:approve|reject}", "customer:approve-key"),
            Map.entry("GET /customers/segments", "customer:revenue"),
            Map.entry("POST /customers/segments", "customer:revenue"),
            Map.entry("POST /customers/segments/recompute", "customer:revenue"),
            Map.entry("POST /api/v1/key-customer-proposals", "customer:propose-key"),
            Map.entry("GET /api/v1/key-customer-proposals", "customer:view"),
            Map.entry("GET /api/v1/key-customer-proposals/{id}", "customer:view"),
            Map.entry("POST /api/v1/key-customer-proposals/{id}/approve", "customer:approve-key"),
            Map.entry("POST /api/v1/key-customer-proposals/{id}/reject", "customer:approve-key"),
            Map.entry("GET /api/v1/key-customer-reviews", "customer:view"),
            Map.entry("POST /api/v1/key-customer-reviews", "customer:approve-key"),
            Map.entry("GET /api/v1/customer-segment-rules", "customer:view"),
            Map.entry("PUT /api/v1/customer-segment-rules", "customer:revenue"),
            Map.entry("POST /api/v1/customer-segment-rules/recompute", "customer:revenue"));

    private KeyCustomerEndpointRules() {
    }
}
