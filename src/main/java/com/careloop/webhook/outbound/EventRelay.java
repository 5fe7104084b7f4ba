package com.careloop.webhook.outbound;

import java.util.LinkedHashMap;
import java.util.Map;

import com.careloop.callback.CallbackCompleted;
import com.careloop.capa.CapaClosed;
import com.careloop.capa.CapaOpened;
import com.careloop.complaint.ComplaintClosed;
import com.careloop.complaint.ComplaintReceived;
import com.careloop.contract.ContractAccepted;
import com.careloop.servicedesk.ServiceRequestClosed;
import com.careloop.servicedesk.ServiceRequestDispatched;
import com.careloop.servicedesk.ServiceRequestRegistered;
import com.careloop.survey.SurveyResponseReceived;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The modules' published events, turned into webhook events. A plain (synchronous) listener on purpose: the
 * delivery rows are written in the publisher's transaction — the outbox commits with the record or not at all.
 * The data carries ids and codes only, never rendered text: receivers are programs.
 */
@Component
class EventRelay {

    private final Outbox outbox;

    EventRelay(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(ServiceRequestRegistered e) {
        outbox.enqueue(EventType.SERVICE_REQUEST_REGISTERED, e.code(), "/service-requests/" + e.requestId(), data(
                "requestId", e.requestId(), "requestType", e.type().name(), "customerId", e.customerId(),
                "customerCode", e.customerCode(), "keyCustomer", e.keyCustomer(), "title", e.title()));
    }

    @EventListener
    void on(ServiceRequestDispatched e) {
        outbox.enqueue(EventType.SERVICE_REQUEST_DISPATCHED, e.code(), "/service-requests/" + e.requestId(), data(
                "requestId", e.requestId(), "requestType", e.type().name(), "customerId", e.customerId(),
                "departmentId", e.departmentId(), "assigneeId", e.assigneeId()));
    }

    @EventListener
    void on(ServiceRequestClosed e) {
        outbox.enqueue(EventType.SERVICE_REQUEST_CLOSED, e.code(), "/service-requests/" + e.requestId(), data(
                "requestId", e.requestId(), "requestType", e.type().name(), "customerId", e.customerId(),
                "reopenCount", e.reopenCount()));
    }

    @EventListener
    void on(ComplaintReceived e) {
        outbox.enqueue(EventType.COMPLAINT_RECEIVED, e.code(), "/complaints/" + e.complaintId(), data(
                "complaintId", e.complaintId(), "customerId", e.customerId(), "sourceRequestId", e.sourceRequestId()));
    }

    @EventListener
    void on(ComplaintClosed e) {
        outbox.enqueue(EventType.COMPLAINT_CLOSED, e.code(), "/complaints/" + e.complaintId(), data(
                "complaintId", e.complaintId(), "customerId", e.customerId()));
    }

    @EventListener
    void on(CapaOpened e) {
        outbox.enqueue(EventType.CAPA_OPENED, e.code(), "/capa/" + e.capaId(), data(
                "capaId", e.capaId(), "customerId", e.customerId(), "sources", e.sources()));
    }

    @EventListener
    void on(CapaClosed e) {
        outbox.enqueue(EventType.CAPA_CLOSED, e.code(), "/capa/" + e.capaId(), data(
                "capaId", e.capaId(), "sources", e.sources()));
    }

    @EventListener
    void on(CallbackCompleted e) {
        outbox.enqueue(EventType.CALLBACK_COMPLETED, e.code(), "/callbacks/" + e.taskId(), data(
                "callbackId", e.taskId(), "customerId", e.customerId(),
                "satisfaction", e.satisfaction() == null ? null : e.satisfaction().name(),
                "sourceType", e.sourceType(), "sourceId", e.sourceId()));
    }

    @EventListener
    void on(SurveyResponseReceived e) {
        outbox.enqueue(EventType.SURVEY_RESPONSE_RECEIVED, null, "/surveys/campaigns/" + e.campaignId(), data(
                "responseId", e.responseId(), "campaignId", e.campaignId(), "customerId", e.customerId()));
    }

    @EventListener
    void on(ContractAccepted e) {
        outbox.enqueue(EventType.CONTRACT_ACCEPTED, e.number(), "/contracts/" + e.contractId(), data(
                "contractId", e.contractId(), "customerId", e.customerId(),
                "totalAmount", e.totalAmount() == null ? null : e.totalAmount().toPlainString(),
                "acceptedAt", e.at() == null ? null : e.at().toString()));
    }

    /** Keys and values in pairs, in order; nulls kept (a receiver sees the field is empty). */
    private static Map<String, Object> data(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
