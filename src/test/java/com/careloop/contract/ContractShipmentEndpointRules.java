package com.careloop.contract;

import java.util.Map;

/** The shipping plan's part of the permission matrix (002-A17, see PermissionMatrixTest): "METHOD /path" -> permission. */
public final class ContractShipmentEndpointRules {

    private static final String BASE = "/api/v1/contracts/{id}/shipments";

    public static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("GET " + BASE, "contract:view"),
            Map.entry("POST " + BASE, "contract:register"),
            Map.entry("GET " + BASE + "/progress", "contract:view"),
            Map.entry("GET " + BASE + "/{shipmentId}", "contract:view"),
            Map.entry("PUT " + BASE + "/{shipmentId}", "contract:register"),
            Map.entry("POST " + BASE + "/{shipmentId}/ship", "contract:view"),
            Map.entry("POST " + BASE + "/{shipmentId}/cancel", "contract:register"),
            Map.entry("GET " + BASE + "/{shipmentId}/carton-list.pdf", "contract:view"),
            Map.entry("GET /api/v1/shipments", "contract:view"),
            Map.entry("GET /api/v1/shipments/export", "contract:view"),
            Map.entry("GET /shipments", "contract:view"),
            Map.entry("GET /shipments/export", "contract:view"),
            Map.entry("GET /shipments/{id}", "contract:view"),
            Map.entry("POST /shipments/{id}/ship", "contract:view"),
            Map.entry("POST /shipments/{id}/edit", "contract:register"),
            Map.entry("POST /shipments/{id}/cancel", "contract:register"),
            Map.entry("GET /shipments/{id}/carton-list", "contract:view"),
            Map.entry("GET /shipments/{id}/carton-list.pdf", "contract:view"),
            Map.entry("POST /contracts/{id}/shipments", "contract:register"));

    private ContractShipmentEndpointRules() {
    }
}
