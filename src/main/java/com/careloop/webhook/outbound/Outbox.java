package com.careloop.webhook.outbound;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.careloop.platform.CareLoopProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tools.jackson.databind.json.JsonMapper;

/**
 * The delivery rows. {@link #enqueue} runs inside the transaction that published the event, so a delivery exists
 * exactly when the business write committed (no loss on a crash after commit, no event for a rolled-back write);
 * the sender is woken after commit. Claiming, outcomes and redelivery follow the leased-row pattern of the report
 * delivery (ADR 0013): a conditional update decides which node sends, a lease that ran out makes a row due again.
 */
@Component
class Outbox {

    enum Status { PENDING, SENDING, FAILED, DELIVERED, DEAD }

    /** A claimed delivery, what the sender needs. */
    record Claimed(long id, long endpointId, String eventId, String eventType, String payload, int attempts,
                   Instant retryFrom) {
    }

    /** A row of the delivery log. */
    record Delivery(long id, long endpointId, String eventId, String eventType, String recordNumber, Status status,
                    int attempts, Instant createdAt, Instant nextAttemptAt, Integer lastStatus, String lastError,
                    Instant deliveredAt) {
    }

    private final JdbcClient jdbc;
    private final Endpoints endpoints;
    private final JsonMapper json;
    private final Clock clock;
    private final CareLoopProperties properties;
    private volatile Runnable wake = () -> { };

    Outbox(JdbcClient jdbc, Endpoints endpoints, JsonMapper json, Clock clock, CareLoopProperties properties) {
        this.jdbc = jdbc;
        this.endpoints = endpoints;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
    }

    void onEnqueue(Runnable wake) {
        this.wake = wake;
    }

    /**
     * One delivery per active endpoint subscribed to {@code type}, all with the same event id; {@code path} is the
     * record's page inside CareLoop, {@code data} codes and ids only (receivers render them). Returns the event id, or
     * null when nobody subscribes.
     */
    String enqueue(EventType type, String recordNumber, String path, Map<String, Object> data) {
        List<Endpoints.Subscription> to = endpoints.subscribedTo(type.wireName());
        return to.isEmpty() ? null : enqueue(type, recordNumber, path, data, to);
    }

    String enqueue(EventType type, String recordNumber, String path, Map<String, Object> data,
                   List<Endpoints.Subscription> to) {
        String eventId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", eventId);
        body.put("type", type.wireName());
        body.put("occurredAt", now.toString());
        body.put("number", recordNumber);
        body.put("link", path == null ? null : properties.baseUrl().replaceAll("/+$", "") + path);
        body.put("data", data);
        String payload = json.writeValueAsString(body);
        Timestamp at = Timestamp.from(now);
        for (Endpoints.Subscription endpoint : to) {
            jdbc.sql("""
                    insert into webhook_delivery (endpoint_id, event_id, event_type, record_number, payload, status,
                        attempts, created_at, retry_from, next_attempt_at)
                    values (:e, :id, :type, :number, :payload, 'PENDING', 0, :at, :at, :at)""")
                    .param("e", endpoint.id()).param("id", eventId).param("type", type.wireName())
                    .param("number", recordNumber).param("payload", payload).param("at", at).update();
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake.run();
                }
            });
        } else {
            wake.run();
        }
        return eventId;
    }

    /** Due rows of active endpoints: waiting ones whose time has come and sending ones whose lease ran out. */
    List<Long> due(Instant now, int limit) {
        return jdbc.sql("""
                select d.id from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id
                where e.active = true and ((d.status in ('PENDING', 'FAILED') and d.next_attempt_at <= :now)
                   or (d.status = 'SENDING' and d.lease_until < :now))
                order by d.next_attempt_at, d.id
                fetch first :n rows only""")
                .param("now", Timestamp.from(now)).param("n", limit).query(Long.class).list();
    }

    /** Claims the due ones of {@code ids} for one batch ({@code token}); another node's claim of a row wins or loses whole. */
    List<Claimed> claim(List<Long> ids, String token, Instant now, Instant leaseUntil) {
        if (ids.isEmpty()) {
            return List.of();
        }
        com.careloop.platform.OutboxLoop.claim(jdbc, "webhook_delivery", ids, token, now, leaseUntil);
        return jdbc.sql("""
                select id, endpoint_id, event_id, event_type, payload, attempts, retry_from from webhook_delivery
                where leased_by = :token and status = 'SENDING' order by id""")
                .param("token", token)
                .query((rs, n) -> new Claimed(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), rs.getTimestamp(7).toInstant())).list();
    }

    /** Delivered, if this batch still holds the lease. */
    boolean delivered(long id, String token, int status, Instant now) {
        return jdbc.sql("""
                update webhook_delivery set status = 'DELIVERED', delivered_at = :now, last_status = :code,
                    last_error = null, lease_until = null, leased_by = null, next_attempt_at = null
                where id = :id and status = 'SENDING' and leased_by = :token""")
                .param("now", Timestamp.from(now)).param("code", status).param("id", id).param("token", token)
                .update() == 1;
    }

    /** A failed attempt: FAILED with its next attempt, or DEAD (dead letter) when {@code next} is null. */
    boolean failed(long id, String token, Integer status, String error, Instant next) {
        return jdbc.sql("""
                update webhook_delivery set status = :s, next_attempt_at = :next, last_status = :code,
                    last_error = :error, lease_until = null, leased_by = null
                where id = :id and status = 'SENDING' and leased_by = :token""")
                .param("s", next == null ? Status.DEAD.name() : Status.FAILED.name())
                .param("next", next == null ? null : Timestamp.from(next)).param("code", status)
                .param("error", error == null ? null : error.substring(0, Math.min(500, error.length())))
                .param("id", id).param("token", token).update() == 1;
    }

    /** Sends a delivery again with the same event id (the receiver de-duplicates); false while it is being sent. */
    boolean redeliver(long id, Instant now) {
        return jdbc.sql("""
                update webhook_delivery set status = 'PENDING', attempts = 0, next_attempt_at = :now, retry_from = :now
                where id = :id and status <> 'SENDING'""")
                .param("now", Timestamp.from(now)).param("id", id).update() == 1;
    }

    /** The log of one endpoint, newest first, {@code before} an id (keyset paging), optionally of one status. */
    List<Delivery> log(long endpointId, Status status, Long before, int limit) {
        return jdbc.sql("""
                select * from webhook_delivery where endpoint_id = :e
                and (cast(:status as varchar(20)) is null or status = :status)
                and (cast(:before as bigint) is null or id < :before)
                order by id desc fetch first :n rows only""")
                .param("e", endpointId).param("status", status == null ? null : status.name())
                .param("before", before).param("n", limit).query(this::delivery).list();
    }

    Delivery find(long id) {
        return jdbc.sql("select * from webhook_delivery where id = :id").param("id", id).query(this::delivery)
                .optional().orElseThrow(() -> new com.careloop.platform.NotFoundException("webhook-delivery", id));
    }

    private Delivery delivery(ResultSet rs, int n) throws SQLException {
        Timestamp next = rs.getTimestamp("next_attempt_at");
        Timestamp delivered = rs.getTimestamp("delivered_at");
        int last = rs.getInt("last_status");
        Integer lastStatus = rs.wasNull() ? null : last;
        return new Delivery(rs.getLong("id"), rs.getLong("endpoint_id"), rs.getString("event_id"),
                rs.getString("event_type"), rs.getString("record_number"), Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant(), next == null ? null : next.toInstant(),
                lastStatus, rs.getString("last_error"), delivered == null ? null : delivered.toInstant());
    }
}
