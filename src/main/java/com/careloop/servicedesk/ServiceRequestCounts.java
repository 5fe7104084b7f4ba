package com.careloop.servicedesk;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.careloop.platform.CountsPerCustomer;
import com.careloop.platform.DayTally;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service-request facts for other modules that run without a signed-in user: counts per customer for
 * analyses (e.g. the annual key-customer callback follow-up) and a closed request's category and close time
 * (for the callback after a close), requests of a type in a period (the survey's +0.1 per praise). No content,
 * so no data scope applies.
 */
@Service
@Transactional(readOnly = true)
public class ServiceRequestCounts {

    /** A closed request's category and when it was closed. */
    public record Closed(Long categoryId, Instant closedAt) {
    }

    /** The subject prefix of the requests registered per day and type in the day tally (V197). */
    static final String TALLIED = "request.";

    private final JdbcClient jdbc;
    private final DayTally days;

    ServiceRequestCounts(JdbcClient jdbc, DayTally days) {
        this.jdbc = jdbc;
        this.days = days;
    }

    /** Requests registered in [from, to) per customer id, with how many are not closed (no requests: absent). */
    public Map<Long, CountsPerCustomer.Count> byCustomer(Collection<Long> customerIds, Instant from, Instant to) {
        return CountsPerCustomer.query(jdbc, """
                select customer_id, count(*), sum(case when status <> 'CLOSED' then 1 else 0 end) from service_request
                where customer_id in (:ids) and registered_at >= :from and registered_at < :to group by customer_id""",
                customerIds, from, to);
    }

    public Optional<Closed> closed(long requestId) {
        return jdbc.sql("select category_id, closed_at from service_request where id = :id").param("id", requestId)
                .query((rs, n) -> new Closed(rs.getObject(1, Long.class),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
                .optional();
    }

    /** The handler (assignee) of each request that has one, by request id: whose work a callback judged. */
    public Map<Long, Long> handlers(Collection<Long> requestIds) {
        Map<Long, Long> handlers = new java.util.HashMap<>();
        for (List<Long> chunk : chunks(requestIds)) {
            jdbc.sql("select id, assignee_id from service_request where id in (:ids) and assignee_id is not null")
                    .param("ids", chunk).query(rs -> {
                        handlers.put(rs.getLong(1), rs.getLong(2));
                    });
        }
        return handlers;
    }

    /** IN lists of at most 1,000 ids. */
    private static List<List<Long>> chunks(Collection<Long> ids) {
        List<Long> all = List.copyOf(new java.util.TreeSet<>(ids));
        List<List<Long>> out = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i += 1000) {
            out.add(all.subList(i, Math.min(all.size(), i + 1000)));
        }
        return out;
    }

    /**
     * Requests registered in [from, to) within a data scope, as the service-desk statistics count them (the
     * denominator of another module's rate per 1,000 requests, e.g. the complaint rate).
     */
    public long registeredBetween(Instant from, Instant to, com.careloop.platform.DataScope scope) {
        var condition = scope.condition("r.department_id", "r.assignee_id", "r.registered_by");
        // every type listed: the count is an index-only range scan per type of (request_type, registered_at), V75
        // (registered_at alone has a block-range index since V189, which cannot count without the rows)
        return jdbc.sql("select count(*) from service_request r where " + condition.sql()
                        + " and r.request_type in (:types) and r.registered_at >= :from and r.registered_at < :to")
                .params(condition.params()).param("types", ALL_TYPES)
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(Long.class).single();
    }

    private static final List<String> ALL_TYPES = java.util.Arrays.stream(RequestType.values()).map(Enum::name).toList();

    /** Requests of a type registered in [from, to): whole UTC days from the day tally, the ends counted. */
    public long countOfType(RequestType type, Instant from, Instant to) {
        return days.count(TALLIED + type.name(), from, to, (a, b) -> counted(type, a, b));
    }

    /** The requests of a type registered in [from, to) counted one by one. */
    long counted(RequestType type, Instant from, Instant to) {
        return jdbc.sql("""
                select count(*) from service_request where request_type = :type and registered_at >= :from
                  and registered_at < :to""")
                .param("type", type.name()).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(Long.class).single();
    }

    /** The requests' day tally recounted (after a bulk load with its triggers off); the rows written. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public int rebuildTally() {
        return days.rebuild(TALLIED + "%", "select 'request.' || request_type, (registered_at at time zone 'UTC')::date,"
                + " count(*) from service_request group by 1, 2");
    }
}
