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
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A request's progress link by SMS (issue 19 §3): when the site sends customer links by SMS
 * ({@code careloop.sms.link-template}, {@code CARELOOP_SMS_LINK_TEMPLATE}) and the request has a contact phone, the
 * caller gets a personal link (the platform's {@link CustomerLinks}: only its hash is stored, valid for
 * {@code careloop.servicedesk.progress-link-days}) to the public progress page, with the record number as title.
 * After the registration committed (a module listener), so intake never waits for the SMS provider.
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

    ProgressLinks(ServiceDesk desk, CustomerLinks links, CustomerMessages messages,
                  @Value("${careloop.servicedesk.progress-link-days:90}") int validDays) {
        this.desk = desk;
        this.links = links;
        this.messages = messages;
        this.validDays = validDays;
    }

    @ApplicationModuleListener
    void on(ServiceRequestRegistered registered) {
        if (!messages.available(Medium.SMS)) {
            return;
        }
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
