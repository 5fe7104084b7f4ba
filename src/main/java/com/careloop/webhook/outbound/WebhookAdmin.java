package com.careloop.webhook.outbound;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import com.careloop.platform.AuditTrail;
import com.careloop.platform.DomainException;
import com.careloop.platform.FieldChange;
import com.careloop.platform.Text;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An administrator's actions on deliveries: a test event to one endpoint, redelivery, the log. */
@Service
class WebhookAdmin {

    private final Endpoints endpoints;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;

    WebhookAdmin(Endpoints endpoints, Outbox outbox, AuditTrail audit, Clock clock) {
        this.endpoints = endpoints;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** Queues a {@code webhook.ping} event for this endpoint only (also when it is switched off: a way to test it). */
    @Transactional
    String ping(long endpointId) {
        Endpoints.Subscription endpoint = endpoints.subscription(endpointId);
        String eventId = outbox.enqueue(EventType.PING, null, "/admin/webhooks/" + endpointId,
                Map.of("endpointId", endpointId), List.of(endpoint));
        audit.record(Endpoints.RECORD_TYPE, String.valueOf(endpointId), "PING", List.of(new FieldChange("eventId", null, eventId)));
        return eventId;
    }

    /** Sends a delivery again with its event id; 409 while it is being sent. */
    @Transactional
    Outbox.Delivery redeliver(long deliveryId) {
        Outbox.Delivery d = outbox.find(deliveryId);
        if (!outbox.redeliver(deliveryId, clock.instant())) {
            throw new DomainException("webhook.sending", Text.of("error.webhook.sending"));
        }
        audit.record(Endpoints.RECORD_TYPE, String.valueOf(d.endpointId()), "REDELIVER",
                List.of(new FieldChange("delivery", null, d.id() + " " + d.eventType() + " " + d.eventId())));
        return outbox.find(deliveryId);
    }

    @Transactional(readOnly = true)
    List<Outbox.Delivery> log(long endpointId, Outbox.Status status, Long before, int limit) {
        endpoints.find(endpointId);
        return outbox.log(endpointId, status, before, Math.max(1, Math.min(limit, 200)));
    }
}
