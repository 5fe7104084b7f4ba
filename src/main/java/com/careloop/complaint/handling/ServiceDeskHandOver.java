package com.careloop.complaint.handling;

import com.careloop.complaint.Complaints;
import com.careloop.platform.CurrentUsers;
import com.careloop.servicedesk.RequestType;
import com.careloop.servicedesk.ServiceRequestRegistered;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A COMPLAINT-type service request registered at the window becomes a complaint linked to it. Idempotent:
 * the complaint's source request id is unique, so a re-delivered event finds the existing complaint.
 */
@Component
class ServiceDeskHandOver {

    private final Complaints complaints;
    private final JdbcClient jdbc;

    ServiceDeskHandOver(Complaints complaints, JdbcClient jdbc) {
        this.complaints = complaints;
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(ServiceRequestRegistered event) {
        if (event.type() != RequestType.COMPLAINT || event.customerId() == null) {
            return;
        }
        // The desk's event carries no text; its committed row (read-only projection) gives content, customer snapshot
        // and registrant.
        var source = jdbc.sql("""
                select title, description, registered_by, registered_by_name, customer_name, customer_code, key_customer
                from service_request where id = :id""")
                .param("id", event.requestId())
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getBoolean(7)})
                .optional();
        if (source.isEmpty()) {
            return;
        }
        Object[] s = source.get();
        String content = "[" + event.code() + "] " + s[0] + (s[1] == null ? "" : "\n" + s[1]);
        complaints.receiveFromServiceDesk(event.requestId(), event.customerId(), (String) s[4], (String) s[5],
                (Boolean) s[6], content, (Long) s[2],
                s[3] == null ? CurrentUsers.SYSTEM : (String) s[3]);
    }
}
