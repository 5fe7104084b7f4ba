package com.careloop.customer;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which customers are key customers (重点客户), for the modules that treat them differently: the
 * service desk (a key customer's request goes straight to the team leader), callbacks (the
 * half-yearly 10% sample of key customers) and surveys. Deliberately not scoped to a reader: jobs
 * call it without a signed-in user; show customers through {@link CustomerDirectory}.
 */
@Service
@Transactional(readOnly = true)
public class KeyCustomers {

    private final JdbcClient jdbc;

    KeyCustomers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isKey(long customerId) {
        return jdbc.sql("select count(*) from customer where id = :id and key_customer = true and active = true")
                .param("id", customerId).query(Long.class).single() > 0;
    }

    /** Ids of every active key customer, ascending. */
    public List<Long> keyCustomerIds() {
        return jdbc.sql("select id from customer where key_customer = true and active = true order by id")
                .query(Long.class).list();
    }
}
