package com.careloop.webhook;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.careloop.platform.PermissionCatalog;

import org.springframework.stereotype.Component;

/** Webhooks are an administrator's tool: endpoints carry secrets and send business events out of the company. */
@Component
public class WebhookPermissions implements PermissionCatalog {

    /** Register, change and disable endpoints, read the delivery log, redeliver. */
    public static final String MANAGE = "webhook:manage";

    @Override
    public String module() {
        return "webhook";
    }

    @Override
    public List<String> permissions() {
        return List.of(MANAGE);
    }

    @Override
    public Map<String, Set<String>> defaultGrants() {
        return Map.of();
    }
}
