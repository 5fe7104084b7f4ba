package com.careloop.webhook.outbound;

import java.util.List;
import java.util.Map;

import com.careloop.platform.RequiresPermission;
import com.careloop.webhook.WebhookPermissions;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/webhooks}: endpoints, their delivery log, redelivery and a test event (docs/webhooks.md). */
@RestController
@RequestMapping("/api/v1/webhooks")
class WebhookApi {

    private final Endpoints endpoints;
    private final WebhookAdmin admin;

    WebhookApi(Endpoints endpoints, WebhookAdmin admin) {
        this.endpoints = endpoints;
        this.admin = admin;
    }

    @RequiresPermission(WebhookPermissions.MANAGE)
    @GetMapping
    List<Endpoints.View> all() {
        return endpoints.all();
    }

    @RequiresPermission(WebhookPermissions.MANAGE)
    @GetMapping("/event-types")
    List<String> eventTypes() {
        return EventType.subscribable().stream().map(EventType::wireName).toList();
    }

    @RequiresPermission(WebhookPermissions.MANAGE)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Endpoints.View create(@Valid @RequestBody Endpoints.Save body) {
        return endpoints.create(body);
    }

    @RequiresPermission(WebhookPermissions.MANAGE)
    @GetMapping("/{id}")
    Endpoints.View one(@PathVariable long id) {
        return endpoints.find(id);
    }

    @RequiresPermission(WebhookPermissions.MANAGE)
    @PutMapping("/{id}")
    Endpoints.View update(@PathVariable long id, @Valid @RequestBody Endpoints.Save body) {
        return endpoints.update(id, body);
    }

    @RequiresPermission(WebhookPermissions.MANAGE)
    @PostMapping("/{id}/ping")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> ping(@PathVariable long id) {
        return Map.of("eventId", admin.ping(id));
    }

    @RequiresPermission(WebhookPermissions.MANAGE)
    @GetMapping("/{id}/deliveries")
    List<Outbox.Delivery> deliveries(@PathVariable long id, @RequestParam(required = false) Outbox.Status status,
                                     @RequestParam(required = false) Long before,
                                     @RequestParam(defaultValue = "50") int limit) {
        return admin.log(id, status, before, limit);
    }

    @RequiresPermission(WebhookPermissions.MANAGE)
    @PostMapping("/deliveries/{deliveryId}/redeliver")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Outbox.Delivery redeliver(@PathVariable long deliveryId) {
        return admin.redeliver(deliveryId);
    }
}
