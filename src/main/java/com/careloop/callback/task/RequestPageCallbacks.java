package com.careloop.callback.task;

import com.careloop.servicedesk.ServiceRequestCalledBack;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the one record of a callback made on the service request's page. Listened to synchronously, in the desk's
 * transaction: the request's callback and its callback record commit together or not at all, so the desk and the
 * statistics never see one without the other. (The callback module depends on the service desk, so the desk
 * cannot call this module; it publishes the event with everything needed and this module records it.)
 */
@Component
class RequestPageCallbacks {

    private final CallbackService service;

    RequestPageCallbacks(CallbackService service) {
        this.service = service;
    }

    @EventListener
    void on(ServiceRequestCalledBack event) {
        service.recordRequestCallback(event);
    }
}
