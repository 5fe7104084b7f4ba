package com.careloop.contract;

import java.util.Map;

/** The contract module's part of the permission matrix (see PermissionMatrixTest): "METHOD /path" -> permission. */
public final class ContractEndpointRules {

    private static final String BASE = "/api/v1/contracts";
    private static final String REVIEWS = "/api/v1/contract-reviews";

    public static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("POST " + BASE, "contract:register"),
            Map.entry("GET " + BASE, "contract:view"),
            Map.entry("GET " + BASE + "/export", "contract:view"),
            Map.entry("GET " + BASE + "/{id}", "contract:view"),
            Map.entry("GET " + BASE + "/{id}/review-form.pdf", "contract:view"),
            Map.entry("POST " + BASE + "/{id}/files", "contract:register"),
            Map.entry("GET " + BASE + "/{id}/files/{fileId}", "contract:view"),
            Map.entry("POST " + BASE + "/{id}/submit", "contract:register"),
            Map.entry("POST " + BASE + "/{id}/outcome", "contract:decide"),
            Map.entry("POST " + BASE + "/{id}/gm-decision", "contract:review"),
            Map.entry("POST " + BASE + "/{id}/start-production", "contract:register"),
            Map.entry("POST " + BASE + "/{id}/deliver", "contract:register"),
            Map.entry("POST " + BASE + "/{id}/close", "contract:register"),
            Map.entry("POST " + BASE + "/{id}/cancel", "contract:register"),
            Map.entry("POST " + REVIEWS + "/{id}/signatures", "contract:review"),
            Map.entry("POST " + REVIEWS + "/{id}/inconsistencies", "contract:review"),
            Map.entry("POST " + REVIEWS + "/{id}/inconsistencies/{inconsistencyId}/resolution", "contract:register"),
            Map.entry("GET /contracts", "contract:view"),
            Map.entry("GET /contracts/export", "contract:view"),
            Map.entry("GET /contracts/new", "contract:register"),
            Map.entry("POST /contracts/new", "contract:register"),
            Map.entry("GET /contracts/{id}", "contract:view"),
            Map.entry("GET /contracts/{id}/review-form", "contract:view"),
            Map.entry("GET /contracts/{id}/review-form.pdf", "contract:view"),
            Map.entry("POST /contracts/{id}/files", "contract:register"),
            Map.entry("GET /contracts/{id}/files/{fileId}", "contract:view"),
            Map.entry("POST /contracts/{id}/submit", "contract:register"),
            Map.entry("POST /contracts/{id}/sign", "contract:review"),
            Map.entry("POST /contracts/{id}/inconsistencies", "contract:review"),
            Map.entry("POST /contracts/{id}/inconsistencies/{inconsistencyId}/resolution", "contract:register"),
            Map.entry("POST /contracts/{id}/outcome", "contract:decide"),
            Map.entry("POST /contracts/{id}/gm-decision", "contract:review"),
            Map.entry("POST /contracts/{id}/{step:deliver|start-production|close|cancel}", "contract:register"));

    private ContractEndpointRules() {
    }
}
