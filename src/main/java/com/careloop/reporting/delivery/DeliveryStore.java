package com.careloop.reporting.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.careloop.platform.ReportPeriod;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The delivery rows and the statements that make them cluster-safe: planning inserts one row per schedule and
 * period ({@code on conflict do nothing} on the unique key, so every node may plan), claiming is a conditional
 * update that only one node wins, and a lease that has run out (a node died while sending) makes the row claimable
 * again. Every statement runs in its own short transaction (auto-commit): nothing is held open while mail is sent.
 */
@Component
class DeliveryStore {

    /** One delivery row. */
    record Row(long id, long scheduleId, ReportPeriod period, DeliveryStatus status, int attempts, Instant nextAttemptAt,
               Instant leaseUntil, String leasedBy, String lastErrorCode, String lastError, Long reportId,
               Set<Long> sentTo, String requestedBy, Instant createdAt, Instant sentAt) {
    }

    /** Log filters; null: any. */
    record Filter(Long scheduleId, DeliveryStatus status, LocalDate periodFrom, LocalDate periodTo) {
    }

    private static final String COLUMNS = "id, schedule_id, period_kind, period_first, period_last, status, attempts,"
            + " next_attempt_at, lease_until, leased_by, last_error_code, last_error, report_id, sent_to, requested_by,"
            + " created_at, sent_at";

    private final JdbcClient jdbc;

    DeliveryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Plans the delivery of {@code period}; false when it is already planned (by this node or another). */
    boolean plan(long scheduleId, ReportPeriod period, Instant due, String requestedBy, Instant now) {
        try {
            return insert(scheduleId, period, due, requestedBy, now);
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            return false;
        }
    }

    private boolean insert(long scheduleId, ReportPeriod period, Instant due, String requestedBy, Instant now) {
        return jdbc.sql("""
                insert into report_delivery (schedule_id, period_kind, period_first, period_last, status, attempts,
                    next_attempt_at, requested_by, created_at)
                values (:s, :kind, :first, :last, 'PENDING', 0, :due, :by, :now)
                on conflict do nothing""")
                .param("s", scheduleId).param("kind", period.kind().name()).param("first", period.first())
                .param("last", period.last()).param("due", ts(due)).param("by", requestedBy).param("now", ts(now))
                .update() == 1;
    }

    Optional<Row> find(long scheduleId, LocalDate periodFirst) {
        return jdbc.sql("select " + COLUMNS + " from report_delivery where schedule_id = :s and period_first = :f")
                .param("s", scheduleId).param("f", periodFirst).query(this::row).optional();
    }

    Optional<Row> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from report_delivery where id = :id").param("id", id)
                .query(this::row).optional();
    }

    /** The deliveries due at {@code now}: waiting ones whose time has come and sending ones whose lease ran out. */
    List<Long> due(Instant now, int limit) {
        return jdbc.sql("""
                select id from report_delivery
                where (status in ('PENDING', 'FAILED') and next_attempt_at <= :now)
                   or (status = 'SENDING' and lease_until < :now)
                order by next_attempt_at, id""")
                .param("now", ts(now)).query(Long.class).list().stream().limit(limit).toList();
    }

    /**
     * Takes a due delivery for {@code node} until {@code leaseUntil}, counting the attempt. Only one node's update
     * matches the row (the others find it SENDING with a live lease), so only one sends it.
     */
    boolean claim(long id, String node, Instant now, Instant leaseUntil) {
        return jdbc.sql("""
                update report_delivery set status = 'SENDING', attempts = attempts + 1, lease_until = :until,
                    leased_by = :node
                where id = :id and ((status in ('PENDING', 'FAILED') and next_attempt_at <= :now)
                                    or (status = 'SENDING' and lease_until < :now))""")
                .param("id", id).param("node", node).param("now", ts(now)).param("until", ts(leaseUntil))
                .update() == 1;
    }

    /** Records the report the delivery sends (kept across attempts). */
    void report(long id, String node, long reportId) {
        jdbc.sql("update report_delivery set report_id = :r where id = :id and leased_by = :node")
                .param("r", reportId).param("id", id).param("node", node).update();
    }

    /** Adds a recipient who has the mail, so that a later attempt does not mail them again. */
    void mailed(long id, String node, Set<Long> sentTo) {
        jdbc.sql("update report_delivery set sent_to = :to where id = :id and leased_by = :node")
                .param("to", join(sentTo)).param("id", id).param("node", node).update();
    }

    /** Done, if this node still holds the lease. */
    boolean sent(long id, String node, Instant now) {
        return jdbc.sql("""
                update report_delivery set status = 'SENT', sent_at = :now, lease_until = null, leased_by = null,
                    next_attempt_at = null, last_error_code = null, last_error = null
                where id = :id and status = 'SENDING' and leased_by = :node""")
                .param("id", id).param("node", node).param("now", ts(now)).update() == 1;
    }

    /** A failed attempt: FAILED with its next attempt, or DEAD when {@code next} is null. */
    boolean failed(long id, String node, String code, String error, Instant next) {
        return jdbc.sql("""
                update report_delivery set status = :status, next_attempt_at = :next, lease_until = null,
                    leased_by = null, last_error_code = :code, last_error = :error
                where id = :id and status = 'SENDING' and leased_by = :node""")
                .param("status", next == null ? DeliveryStatus.DEAD.name() : DeliveryStatus.FAILED.name())
                .param("next", next == null ? null : ts(next)).param("code", code)
                .param("error", error == null ? null : error.substring(0, Math.min(500, error.length())))
                .param("id", id).param("node", node).update() == 1;
    }

    /**
     * Makes a delivery due now again (a person's retry, or run-now of a period that was delivered before): FAILED and
     * DEAD keep what was already mailed, SENT is sent again in full. False when it is being sent right now.
     */
    boolean again(long id, String requestedBy, Instant now, boolean resend) {
        return jdbc.sql("""
                update report_delivery set status = 'PENDING', attempts = 0, next_attempt_at = :now,
                    requested_by = :by, sent_to = case when :resend then null else sent_to end
                where id = :id and status <> 'SENDING'""")
                .param("now", ts(now)).param("by", requestedBy).param("resend", resend).param("id", id)
                .update() == 1;
    }

    List<Row> search(Filter f, int limit) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        var params = new java.util.HashMap<String, Object>();
        if (f.scheduleId() != null) {
            where.append(" and schedule_id = :s");
            params.put("s", f.scheduleId());
        }
        if (f.status() != null) {
            where.append(" and status = :st");
            params.put("st", f.status().name());
        }
        if (f.periodFrom() != null) {
            where.append(" and period_first >= :pf");
            params.put("pf", f.periodFrom());
        }
        if (f.periodTo() != null) {
            where.append(" and period_first <= :pt");
            params.put("pt", f.periodTo());
        }
        return jdbc.sql("select " + COLUMNS + " from report_delivery" + where
                        + " order by period_first desc, id desc fetch first " + limit + " rows only")
                .params(params).query(this::row).list();
    }

    boolean hasDeliveries(long scheduleId) {
        return jdbc.sql("select count(*) from report_delivery where schedule_id = :s").param("s", scheduleId)
                .query(Long.class).single() > 0;
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("schedule_id"),
                new ReportPeriod(ReportPeriod.Kind.valueOf(rs.getString("period_kind")),
                        rs.getObject("period_first", LocalDate.class), rs.getObject("period_last", LocalDate.class)),
                DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
                instant(rs, "lease_until"), rs.getString("leased_by"), rs.getString("last_error_code"),
                rs.getString("last_error"), rs.getObject("report_id", Long.class), split(rs.getString("sent_to")),
                rs.getString("requested_by"), instant(rs, "created_at"), instant(rs, "sent_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    static Set<Long> split(String ids) {
        if (ids == null || ids.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(ids.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Long::valueOf)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    static String join(Set<Long> ids) {
        return ids.isEmpty() ? null : new ArrayList<>(ids).stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
