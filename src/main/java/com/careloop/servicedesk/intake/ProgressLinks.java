package com.careloop.servicedesk.intake;

import java.util.List;

import com.careloop.platform.CustomerLinks;
import com.careloop.platform.CustomerMessages;
import com.careloop.platform.CustomerMessages.Medium;
import com.careloop.servicedesk.ServiceDesk;
import com.careloop.servicedesk.ServiceRequestRegistered;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A request's progress link by SMS (issue 19 §3): when the site sends customer links by SMS
 * ({@code careloop.sms.link-template}, {@code CARELOOP_SMS_LINK_TEMPLATE}) and the request has a contact phone, the
 * caller gets a personal link (the platform's {@link CustomerLinks}: only its hash is stored, valid for
 * {@code careloop.servicedesk.progress-link-days}) to the public progress page, with the record number as title.
 * After the registration committed, in a transaction of its own; the SMS itself is sent on the messages' background
 * thread, so intake never waits for the SMS provider. Best effort: not a persisted module listener (the registered
 * event carries the whole description, larger than the publication registry's column on H2), so a node that dies
 * right after the commit sends no progress link — the number and phone still open the progress page.
 */
@Component
class ProgressLinks {

    static final String PURPOSE = "service-request-progress";
    static final String PATH = "/public/service-requests/progress/";

    private static final Logger log = LoggerFactory.getLogger(ProgressLinks.class);

    private final ServiceDesk desk;
    private final CustomerLinks links;
    private final CustomerMessages messages;
    private final int validDays;
    private final TransactionTemplate own;

    ProgressLinks(ServiceDesk desk, CustomerLinks links, CustomerMessages messages, PlatformTransactionManager transactions,
                  @Value("${careloop.servicedesk.progress-link-days:90}") int validDays) {
        this.desk = desk;
        this.links = links;
        this.messages = messages;
        this.validDays = validDays;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A plain listener that acts after the commit (a transactional one would be kept in the publication registry). */
    @EventListener
    void on(ServiceRequestRegistered registered) {
        if (!messages.available(Medium.SMS) || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    own.executeWithoutResult(s -> send(registered));
                } catch (RuntimeException e) {
                    log.warn("Progress link of request {} not issued: {}", registered.requestId(), e.toString());
                }
            }
        });
    }

    private void send(ServiceRequestRegistered registered) {
        String phone = CustomerMessages.smsNumber(desk.contactPhone(registered.requestId()));
        if (phone == null) {
            return;
        }
        CustomerLinks.IssuedLink link = links.issue(PURPOSE, registered.requestId(), PATH, validDays);
        messages.sendAfterCommit(List.of(new CustomerMessages.Message(registered.requestId(), Medium.SMS, phone, null,
                null, registered.code(), link.url())), outcomes -> outcomes.stream().filter(o -> !o.sent())
                .forEach(o -> log.warn("Progress link of request {} not sent: {}", o.reference(), o.error())));
    }
}
