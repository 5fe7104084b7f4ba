package com.careloop.webhook;

import java.util.Map;

/** This feature's part of the permission matrix (see PermissionMatrixTest): "METHOD /path" -> permission, ANY_USER or PUBLIC. */
public final class WebhookEndpointRules {

    private static final String MANAGE = WebhookPermissions.MANAGE;

    public static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("GET /api/v1/webhooks", MANAGE),
            Map.entry("POST /api/v1/webhooks", MANAGE),
            Map.entry("GET /api/v1/webhooks/event-types", MANAGE),
            Map.entry("GET /api/v1/webhooks/{id}", MANAGE),
            Map.entry("PUT /api/v1/webhooks/{id}", MANAGE),
            Map.entry("POST /api/v1/webhooks/{id}/ping", MANAGE),
            Map.entry("GET /api/v1/webhooks/{id}/deliveries", MANAGE),
            Map.entry("POST /api/v1/webhooks/deliveries/{deliveryId}/redeliver", MANAGE),
            Map.entry("GET /admin/webhooks", MANAGE),
            Map.entry("POST /admin/webhooks", MANAGE),
            Map.entry("GET /admin/webhooks/{id}", MANAGE),
            Map.entry("POST /admin/webhooks/{id}", MANAGE),
            Map.entry("POST /admin/webhooks/{id}/ping", MANAGE),
            Map.entry("POST /admin/webhooks/deliveries/{deliveryId}/redeliver", MANAGE));

    private WebhookEndpointRules() {
    }
}
