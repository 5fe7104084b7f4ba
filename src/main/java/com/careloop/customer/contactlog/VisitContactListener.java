package com.careloop.customer.contactlog;

import com.careloop.customer.CustomerVisited;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A visit recorded elsewhere (a visit report) becomes a VISIT entry of the customer's contact log, once. */
@Component
class VisitContactListener {

    private final ContactLogService log;

    VisitContactListener(ContactLogService log) {
        this.log = log;
    }

    @ApplicationModuleListener
    void on(CustomerVisited event) {
        log.recordVisit(event);
    }
}
