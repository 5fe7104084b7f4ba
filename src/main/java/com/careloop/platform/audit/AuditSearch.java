package com.careloop.platform.audit;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.careloop.platform.AuditEntry;
import com.careloop.platform.AuditTrail;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Searching the whole trail (newest first, keyset-paged) and the retention report. */
@Service
@Transactional(readOnly = true)
class AuditSearch {

    record Filter(String actor, String recordType, String recordId, LocalDate from, LocalDate to) {
    }

    record Page(List<AuditEntry> items, String nextCursor) {
    }

    /** A record whose last activity is older than its type's retention period. */
    record PastRetention(String recordType, String recordId, java.time.Instant firstSeen, java.time.Instant lastChanged,
                         LocalDate retainUntil, Period period) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail trail;
    private final CareLoopProperties properties;

    AuditSearch(JdbcClient jdbc, AuditTrail trail, CareLoopProperties properties) {
        this.jdbc = jdbc;
        this.trail = trail;
        this.properties = properties;
    }

    Page search(Filter f, String cursor, int limit) {
        StringBuilder sql = new StringBuilder(
                "select id, record_type, record_id, action, actor, occurred_at, changes from audit_event where 1=1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (cursor != null && !cursor.isBlank()) {
            sql.append(" and id < :before");
            try {
                params.put("before", Long.parseLong(cursor));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("cursor", "format", Text.of("error.customer.invalid-cursor"));
            }
        }
        add(sql, params, "actor", f.actor());
        add(sql, params, "record_type", f.recordType());
        add(sql, params, "record_id", f.recordId());
        ZoneId zone = properties.zone();
        if (f.from() != null) {
            sql.append(" and occurred_at >= :from");
            params.put("from", Timestamp.from(f.from().atStartOfDay(zone).toInstant()));
        }
        if (f.to() != null) {
            sql.append(" and occurred_at < :to");
            params.put("to", Timestamp.from(f.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        sql.append(" order by id desc limit :limit");
        params.put("limit", limit + 1);
        List<AuditEntry> rows = new ArrayList<>(jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new AuditEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant(), trail.parse(rs.getString(7))))
                .list());
        String next = null;
        if (rows.size() > limit) {
            rows.remove(limit);
            next = String.valueOf(rows.get(limit - 1).id());
        }
        return new Page(rows, next);
    }

    private static void add(StringBuilder sql, Map<String, Object> params, String column, String value) {
        if (value != null && !value.isBlank()) {
            sql.append(" and ").append(column).append(" = :").append(column);
            params.put(column, value.trim());
        }
    }

    List<String> recordTypes() {
        return jdbc.sql("select distinct record_type from audit_event order by record_type").query(String.class).list();
    }

    /**
     * Records past retention, judged by their last entry in the trail: a record type's period runs from
     * the last time anyone changed the record (closing is a change), so open records are never listed.
     */
    List<PastRetention> pastRetention(LocalDate today) {
        List<PastRetention> result = new ArrayList<>();
        for (String type : recordTypes()) {
            Period period = properties.retention().periodFor(type);
            LocalDate cutoff = today.minus(period);
            jdbc.sql("""
                    select record_id, min(occurred_at) first_seen, max(occurred_at) last_changed from audit_event
                    where record_type = :type group by record_id
                    having max(occurred_at) < :cutoff order by max(occurred_at)""")
                    .param("type", type).param("cutoff", Timestamp.from(cutoff.atStartOfDay(properties.zone()).toInstant()))
                    .query((rs, n) -> {
                        var last = rs.getTimestamp(3).toInstant();
                        return new PastRetention(type, rs.getString(1), rs.getTimestamp(2).toInstant(), last,
                                last.atZone(properties.zone()).toLocalDate().plus(period), period);
                    }).list().forEach(result::add);
        }
        return result;
    }
}
