package com.careloop.platform;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs a module's "how many per customer, and how many still open" query for a set of customers and a time
 * window, for the small public count classes modules offer each other's analyses. The query selects
 * {@code customer_id, count(*), <open count>} with the parameters {@code :ids}, {@code :from} and {@code :to}.
 */
public final class CountsPerCustomer {

    /** All and open records of one customer. */
    public record Count(long all, long open) {
    }

    private CountsPerCustomer() {
    }

    public static Map<Long, Count> query(JdbcClient jdbc, String sql, Collection<Long> customerIds, Instant from,
                                         Instant to) {
        Map<Long, Count> out = new HashMap<>();
        if (!customerIds.isEmpty()) {
            jdbc.sql(sql).param("ids", customerIds).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                    .query(rs -> {
                        out.put(rs.getLong(1), new Count(rs.getLong(2), rs.getLong(3)));
                    });
        }
        return out;
    }
}
