package com.careloop.complaint.handling;

import java.util.ArrayList;
import java.util.List;

import com.careloop.complaint.ClaimPermissions;
import com.careloop.complaint.ComplaintPermissions;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.RecordSearch;
import com.careloop.platform.SearchProvider;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The global search over the complaint module's records: complaints (within the data scope: responsible department,
 * receiver or handler), claims, seven-day returns and advance compensations — each by number or customer name, for
 * readers allowed to see that kind.
 */
@Component
class ComplaintSearch implements SearchProvider {

    private final JdbcClient jdbc;

    ComplaintSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Hit> search(Query query, CurrentUser me) {
        List<Hit> hits = new ArrayList<>();
        if (me.can(ComplaintPermissions.VIEW)) {
            hits.addAll(new RecordSearch("complaint c", "c.code", "c.customer_name").customerName("c.customer_name")
                    .scope(me.scope().condition("c.department_id", "c.received_by", "c.handler_id"))
                    .find(jdbc, query, "search.kind.complaint", "/complaints/"));
        }
        if (me.can(ClaimPermissions.CLAIM_VIEW)) {
            hits.addAll(byNumberOrCustomer("claim", query, "search.kind.claim", "/claims/"));
        }
        if (me.can(ClaimPermissions.RETURN_HANDLE)) {
            hits.addAll(byNumberOrCustomer("return_slip", query, "search.kind.return", "/returns/"));
        }
        if (me.can(ClaimPermissions.COMPENSATION_REQUEST)) {
            hits.addAll(byNumberOrCustomer("advance_compensation", query, "search.kind.compensation", "/compensations/"));
        }
        return hits;
    }

    private List<Hit> byNumberOrCustomer(String table, Query query, String kindKey, String href) {
        return new RecordSearch(table + " x", "x.code", "x.customer_name").customerName("x.customer_name")
                .find(jdbc, query, kindKey, href);
    }
}
