package com.careloop.servicedesk;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service-request counts per customer for other modules' analyses (e.g. the annual key-customer callback
 * follow-up). Counts only, no content, so no data scope applies.
 */
@Service
@Transactional(readOnly = true)
public class ServiceRequestCounts {

    /** Requests registered in [from, to) and how many of them are still open. */
    public record Count(long registered, long open) {
    }

    private final JdbcClient jdbc;

    ServiceRequestCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Per customer id (customers without requests are absent). */
    public Map<Long, Count> byCustomer(Collection<Long> customerIds, Instant from, Instant to) {
        Map<Long, Count> out = new HashMap<>();
        if (customerIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                select customer_id, count(*), sum(case when status <> 'CLOSED' then 1 else 0 end) from service_request
                where customer_id in (:ids) and registered_at >= :from and registered_at < :to group by customer_id""")
                .param("ids", customerIds).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(rs -> {
                    out.put(rs.getLong(1), new Count(rs.getLong(2), rs.getLong(3)));
                });
        return out;
    }

    /** The closed request's category and close time, for listeners that follow a close (no data scope). */
    public java.util.Optional<Closed> closed(long requestId) {
        return jdbc.sql("select category_id, closed_at from service_request where id = :id").param("id", requestId)
                .query((rs, n) -> new Closed(rs.getObject(1, Long.class),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
                .optional();
    }

    public record Closed(Long categoryId, Instant closedAt) {
    }
}
