package com.careloop.complaint;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

import com.careloop.platform.CountsPerCustomer;
import com.careloop.platform.DayTally;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Complaint counts for other modules' analyses (e.g. the annual key-customer callback follow-up, the
 * survey's -0.1 per complaint received in the period). Counts only, no content, so no data scope applies.
 */
@Service
@Transactional(readOnly = true)
public class ComplaintCounts {

    /** The subject of the complaints received per day in the day tally (V197). */
    static final String TALLIED = "complaint";

    private final JdbcClient jdbc;
    private final DayTally days;

    ComplaintCounts(JdbcClient jdbc, DayTally days) {
        this.jdbc = jdbc;
        this.days = days;
    }

    /** Complaints received in [from, to) per customer id, with how many are not closed (no complaints: absent). */
    public Map<Long, CountsPerCustomer.Count> byCustomer(Collection<Long> customerIds, Instant from, Instant to) {
        return CountsPerCustomer.query(jdbc, """
                select customer_id, count(*), sum(case when status <> 'CLOSED' then 1 else 0 end) from complaint
                where customer_id in (:ids) and received_at >= :from and received_at < :to group by customer_id""",
                customerIds, from, to);
    }

    /** All complaints received in [from, to): whole UTC days from the day tally, the ends counted. */
    public long receivedBetween(Instant from, Instant to) {
        return days.count(TALLIED, from, to, this::counted);
    }

    /** The complaints received in [from, to) counted one by one. */
    long counted(Instant from, Instant to) {
        return jdbc.sql("select count(*) from complaint where received_at >= :from and received_at < :to")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).query(Long.class).single();
    }

    /** The complaints' day tally recounted (after a bulk load with its triggers off); the rows written. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public int rebuildTally() {
        return days.rebuild(TALLIED, "select 'complaint', (received_at at time zone 'UTC')::date, count(*)"
                + " from complaint group by 2");
    }
}
