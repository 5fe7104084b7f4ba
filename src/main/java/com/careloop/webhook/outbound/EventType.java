package com.careloop.webhook.outbound;

import java.util.Arrays;
import java.util.Optional;

/**
 * The events an endpoint can subscribe to, by their wire name. The label is the message {@code webhook.event.<name>};
 * a new module's main event is added here when it lands (the module publishes, this module subscribes).
 */
public enum EventType {
    SERVICE_REQUEST_REGISTERED("service-request.registered"),
    SERVICE_REQUEST_DISPATCHED("service-request.dispatched"),
    SERVICE_REQUEST_CLOSED("service-request.closed"),
    COMPLAINT_RECEIVED("complaint.received"),
    COMPLAINT_CLOSED("complaint.closed"),
    CAPA_OPENED("capa.opened"),
    CAPA_CLOSED("capa.closed"),
    CALLBACK_COMPLETED("callback.completed"),
    SURVEY_RESPONSE_RECEIVED("survey.response-received"),
    CONTRACT_ACCEPTED("contract.accepted"),
    /** Sent by the "send a test event" button only. */
    PING("webhook.ping");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public String labelKey() {
        return "webhook.event." + wireName;
    }

    public static Optional<EventType> of(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }

    /** What an administrator can subscribe to (everything but the ping). */
    public static java.util.List<EventType> subscribable() {
        return Arrays.stream(values()).filter(t -> t != PING).toList();
    }
}
