package com.careloop.complaint.handling;

import com.careloop.complaint.ComplaintCommands.HandOver;
import com.careloop.complaint.ComplaintViews.Link;
import com.careloop.complaint.Complaints;
import com.careloop.servicedesk.RequestType;
import com.careloop.servicedesk.ServiceDesk;
import com.careloop.servicedesk.ServiceRequestRegistered;
import com.careloop.servicedesk.ServiceRequestTurnedIntoComplaint;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The service desk hands complaints over by its events alone (it never reads or is read by the complaint
 * tables): a COMPLAINT-type request registered at the window, and a request whose unsatisfied callback before
 * close (销单) was turned into a complaint, each become a complaint linked to the request. Idempotent: the
 * complaint's source request id is unique, so a re-delivered event finds the existing complaint. The desk is
 * told the complaint it became (the request page links to it).
 */
@Component
class ServiceDeskHandOver {

    private final Complaints complaints;
    private final ServiceDesk desk;

    ServiceDeskHandOver(Complaints complaints, ServiceDesk desk) {
        this.complaints = complaints;
        this.desk = desk;
    }

    /**
     * Only complaints of a known customer are handed over; the condition is evaluated before the event publication
     * is stored, so the other registrations (nearly all) cost no publication row and no listener transaction.
     */
    @ApplicationModuleListener(condition = "#event.type() == T(com.careloop.servicedesk.RequestType).COMPLAINT"
            + " and #event.customerId() != null")
    void on(ServiceRequestRegistered event) {
        if (event.type() != RequestType.COMPLAINT || event.customerId() == null) {
            return;
        }
        String content = "[" + event.code() + "] " + event.title()
                + (event.description() == null ? "" : "\n" + event.description());
        received(event.requestId(), complaints.receiveHandOver(new HandOver(event.requestId(), event.customerId(),
                event.customerName(), event.customerCode(), event.keyCustomer(), content, event.registeredById(),
                event.registeredByName())));
    }

    @ApplicationModuleListener
    void on(ServiceRequestTurnedIntoComplaint event) {
        if (event.customerId() == null) {
            return;
        }
        String content = "[" + event.code() + "] " + event.title()
                + (event.description() == null ? "" : "\n" + event.description())
                + "\n回访不满意 / unsatisfied callback" + (event.callbackNotes() == null ? "" : ": " + event.callbackNotes());
        received(event.requestId(), complaints.receiveHandOver(new HandOver(event.requestId(), event.customerId(),
                event.customerName(), event.customerCode(), event.keyCustomer(), content, event.byId(), event.byName())));
    }

    private void received(long requestId, Link complaint) {
        desk.linkComplaint(requestId, complaint.id(), complaint.code());
    }
}
