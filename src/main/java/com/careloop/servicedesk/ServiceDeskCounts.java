package com.careloop.servicedesk;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Counts of service requests for other modules' statistics (e.g. the survey's +0.1 per praise in the period). */
@Service
@Transactional(readOnly = true)
public class ServiceDeskCounts {

    private final JdbcClient jdbc;

    ServiceDeskCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Requests of a type registered in [from, to). */
    public long countOfType(RequestType type, Instant from, Instant to) {
        return jdbc.sql("""
                select count(*) from service_request where request_type = :type and registered_at >= :from
                  and registered_at < :to""")
                .param("type", type.name()).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(Long.class).single();
    }
}
