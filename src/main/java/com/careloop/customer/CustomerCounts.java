package com.careloop.customer;

import java.time.LocalDate;

import com.careloop.platform.DayTally;

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

    /** The subject of the active customers (by the day they were created) in the day tally (V199). */
    static final String TALLIED = "customer.active";

    private final JdbcClient jdbc;
    private final DayTally days;

    CustomerCounts(JdbcClient jdbc, DayTally days) {
        this.jdbc = jdbc;
        this.days = days;
    }

    /** Customers in the archive that are active (not deactivated): from the day tally where it is kept. */
    public long activeCustomers() {
        return days.total(TALLIED, this::countedActive);
    }

    /** The active customers counted one by one. */
    long countedActive() {
        return jdbc.sql("select count(*) from customer where active = true").query(Long.class).single();
    }

    /** The active customers' day tally recounted (after a bulk load with its triggers off); the rows written. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public int rebuildTally() {
        return days.rebuild(TALLIED, "select 'customer.active', (created_at at time zone 'UTC')::date, count(*)"
                + " from customer where active group by 2");
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
