package com.careloop.customer;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's identity and account representative for system jobs and event listeners that run without
 * a signed-in user (e.g. callbacks generated after a sale). Deliberately not scoped and not masked: it holds
 * no contact data; show customers through {@link CustomerDirectory}.
 */
@Service
@Transactional(readOnly = true)
public class CustomerFacts {

    /** Who the customer is and who looks after them. */
    public record Facts(long id, String code, String name, boolean keyCustomer, Long representativeId, boolean active) {
    }

    private final JdbcClient jdbc;

    CustomerFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Facts> facts(long customerId) {
        return jdbc.sql("select id, code, name, key_customer, representative_id, active from customer where id = :id")
                .param("id", customerId)
                .query((rs, n) -> new Facts(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getObject(5, Long.class), rs.getBoolean(6)))
                .optional();
    }
}
