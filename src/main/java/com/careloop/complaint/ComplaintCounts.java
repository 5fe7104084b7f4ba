package com.careloop.complaint;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Counts of complaints for other modules' statistics (e.g. the survey's -0.1 per complaint received in the period). */
@Service
@Transactional(readOnly = true)
public class ComplaintCounts {

    private final JdbcClient jdbc;

    ComplaintCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Complaints received in [from, to). */
    public long receivedBetween(Instant from, Instant to) {
        return jdbc.sql("select count(*) from complaint where received_at >= :from and received_at < :to")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).query(Long.class).single();
    }
}
