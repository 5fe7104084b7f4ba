package com.careloop.platform.channel;

import java.util.Map;

import com.careloop.platform.org.PlatformPermissions;

/** The channels' part of the permission matrix (see PermissionMatrixTest): "METHOD /path" -> permission or ANY_USER. */
public final class ChannelEndpointRules {

    private static final String ANY = "ANY_USER";
    private static final String MANAGE = PlatformPermissions.ORG_MANAGE;

    public static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("GET /notifications/settings", ANY),
            Map.entry("POST /notifications/settings", ANY),
            Map.entry("GET /api/v1/notifications/settings", ANY),
            Map.entry("PUT /api/v1/notifications/settings", ANY),
            Map.entry("POST /admin/departments/{id}/wecom-robot", MANAGE),
            Map.entry("POST /admin/users/{id}/wecom", MANAGE),
            Map.entry("PUT /api/v1/departments/{id}/wecom-robot", MANAGE),
            Map.entry("PUT /api/v1/users/{id}/wecom", MANAGE),
            Map.entry("GET /admin/notification-deliveries", MANAGE),
            Map.entry("GET /api/v1/notification-deliveries", MANAGE));

    private ChannelEndpointRules() {
    }
}
