package com.careloop.complaint.claim;

import java.util.List;

import com.careloop.customer.CustomerCard;
import com.careloop.customer.CustomerDirectory;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Who a claim, return or compensation is about (the customer, the complaint it came from) and who approves it. */
@Component
public class Parties {

    private final CustomerDirectory customers;
    private final JdbcClient jdbc;

    Parties(CustomerDirectory customers, JdbcClient jdbc) {
        this.customers = customers;
        this.jdbc = jdbc;
    }

    public CustomerCard customer(Long customerId) {
        if (customerId == null) {
            throw new InvalidInputException("customerId", "required", Text.of("error.complaint.customerid-required"));
        }
        return customers.card(customerId).orElseThrow(() -> new InvalidInputException("customerId", "exists",
                Text.of("error.servicedesk.no-customer-0", customerId)));
    }

    /** The customer by id, or else the first match of a look-up text (name, code, phone) typed on a page form. */
    public CustomerCard resolve(Long customerId, String lookUp) {
        if (customerId != null || lookUp == null || lookUp.isBlank()) {
            return customer(customerId);
        }
        return customers.lookUp(lookUp.trim(), 1).stream().findFirst().orElseThrow(() -> new InvalidInputException(
                "customerId", "exists", Text.of("error.complaint.no-customer-matches", lookUp.trim())));

    }

    /** A referenced complaint must exist and be the same customer's (422 naming {@code complaintId}). */
    public void requireComplaint(Long complaintId, long customerId) {
        if (complaintId == null) {
            return;
        }
        Long owner = jdbc.sql("select customer_id from complaint where id = :id").param("id", complaintId)
                .query(Long.class).optional().orElseThrow(() -> new InvalidInputException("complaintId", "exists",
                        Text.of("error.complaint.no-complaint-0", complaintId)));
        if (owner != customerId) {
            throw new InvalidInputException("complaintId", "same-customer",
                    Text.of("error.complaint.complaint-another-customer-s"));
        }
    }

    /** Active users holding one of the positions (to notify the next approver). */
    public List<Long> withPositions(java.util.Collection<String> positions) {
        return jdbc.sql("select id from org_user where active = true and position in (:p) order by id")
                .param("p", List.copyOf(positions)).query(Long.class).list();
    }
}
