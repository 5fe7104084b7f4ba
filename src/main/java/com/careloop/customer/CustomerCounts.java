package com.careloop.customer;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Head counts for other modules' rates (e.g. complaints per 1,000 customers or per 1,000 orders).
 * Company-wide figures: no data scope applies, as a rate's denominator is the whole company's.
 */
@Service
@Transactional(readOnly = true)
public class CustomerCounts {

    private final JdbcClient jdbc;

    CustomerCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Customers in the archive that are active (not deactivated). */
    public long activeCustomers() {
        return jdbc.sql("select count(*) from customer where active = true").query(Long.class).single();
    }

    /** The company's revenue of a year (sum over the customers' yearly revenue); null when none is recorded. */
    public java.math.BigDecimal revenueOfYear(int year) {
        return jdbc.sql("select sum(amount) from customer_revenue where revenue_year = :year").param("year", year)
                .query(java.math.BigDecimal.class).optional().orElse(null);
    }

    /** Purchases (orders) sold between the two days, both included. */
    public long purchasesBetween(LocalDate from, LocalDate to) {
        return jdbc.sql("select count(*) from purchase where sale_date >= :from and sale_date <= :to")
                .param("from", from).param("to", to).query(Long.class).single();
    }
}
