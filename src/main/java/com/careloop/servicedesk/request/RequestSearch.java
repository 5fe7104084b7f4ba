package com.careloop.servicedesk.request;

import java.util.List;

import com.careloop.platform.CurrentUser;
import com.careloop.platform.RecordSearch;
import com.careloop.platform.SearchProvider;
import com.careloop.servicedesk.ServiceDeskPermissions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The global search over service requests: number, customer name, the caller's phone (whole or last digits). */
@Component
class RequestSearch implements SearchProvider {

    private final JdbcClient jdbc;

    RequestSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Hit> search(Query query, CurrentUser me) {
        if (!me.can(ServiceDeskPermissions.VIEW)) {
            return List.of();
        }
        return new RecordSearch("service_request r", "r.code", "coalesce(r.customer_name, '') || ' · ' || r.title")
                .customerName("r.customer_name").phone("r.contact_phone_tail", "r.contact_phone_digits")
                .scope(me.scope().condition("r.department_id", "r.assignee_id", "r.registered_by"))
                .find(jdbc, query, "search.kind.serviceRequest", "/service-requests/");
    }
}
