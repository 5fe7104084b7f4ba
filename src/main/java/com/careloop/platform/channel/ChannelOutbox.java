package com.careloop.platform.channel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import com.careloop.platform.OutboxLoop;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The channel delivery rows (ADR 0020), the webhook outbox's pattern (ADR 0015): {@link #enqueue} writes in the
 * transaction of the notification, the sender is woken after commit; a conditional update with a lease decides which
 * node sends a row, and only the lease holder records the outcome.
 */
@Component
public class ChannelOutbox {

    public enum Status { PENDING, SENDING, FAILED, DELIVERED, DEAD }

    record Claimed(long id, Channel channel, String address, String subject, String body, int attempts,
                   Instant retryFrom) {
    }

    /** A row of the administrators' delivery list (a robot's address without its key). */
    public record Delivery(long id, Long recipientId, Channel channel, String address, String kind, String subject,
                           Status status, int attempts, Instant createdAt, Instant nextAttemptAt, String lastError,
                           Instant deliveredAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile Runnable wake = () -> { };

    ChannelOutbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void onEnqueue(Runnable wake) {
        this.wake = wake;
    }

    /** One message on one channel; {@code notificationId}/{@code recipientId} null for a mail to a customer. */
    public void enqueue(Long notificationId, Long recipientId, Channel channel, String address, String kind,
                        String subject, String body, String link) {
        Timestamp at = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into notification_delivery (notification_id, recipient_id, channel, address, kind, subject, body,
                    link, status, attempts, created_at, retry_from, next_attempt_at)
                values (:n, :r, :channel, :address, :kind, :subject, :body, :link, 'PENDING', 0, :at, :at, :at)""")
                .param("n", notificationId).param("r", recipientId).param("channel", channel.name())
                .param("address", address).param("kind", kind).param("subject", clip(subject, 400))
                .param("body", body).param("link", link).param("at", at).update();
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
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** Claims due rows of the channels this node can send (waiting ones come due, sending ones whose lease ran out). */
    List<Claimed> claim(Collection<Channel> channels, String token, Instant now, Instant leaseUntil, int limit) {
        if (channels.isEmpty()) {
            return List.of();
        }
        List<String> names = channels.stream().map(Channel::name).toList();
        List<Long> due = jdbc.sql("""
                select id from notification_delivery
                where channel in (:channels) and ((status in ('PENDING', 'FAILED') and next_attempt_at <= :now)
                   or (status = 'SENDING' and lease_until < :now))
                order by next_attempt_at, id fetch first :n rows only""")
                .param("channels", names).param("now", Timestamp.from(now)).param("n", limit).query(Long.class).list();
        if (due.isEmpty()) {
            return List.of();
        }
        OutboxLoop.claim(jdbc, "notification_delivery", due, token, now, leaseUntil);
        return jdbc.sql("""
                select id, channel, address, subject, body, attempts, retry_from from notification_delivery
                where leased_by = :token and status = 'SENDING' order by id""")
                .param("token", token)
                .query((rs, n) -> new Claimed(rs.getLong(1), Channel.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getInt(6), rs.getTimestamp(7).toInstant())).list();
    }

    /** Delivered, if this batch still holds the lease. */
    boolean delivered(long id, String token, Instant now) {
        return jdbc.sql("""
                update notification_delivery set status = 'DELIVERED', delivered_at = :now, last_error = null,
                    lease_until = null, leased_by = null, next_attempt_at = null
                where id = :id and status = 'SENDING' and leased_by = :token""")
                .param("now", Timestamp.from(now)).param("id", id).param("token", token).update() == 1;
    }

    /** A failed attempt: FAILED with its next attempt, or DEAD when {@code next} is null. */
    boolean failed(long id, String token, String error, Instant next) {
        return jdbc.sql("""
                update notification_delivery set status = :s, next_attempt_at = :next, last_error = :error,
                    lease_until = null, leased_by = null
                where id = :id and status = 'SENDING' and leased_by = :token""")
                .param("s", next == null ? Status.DEAD.name() : Status.FAILED.name())
                .param("next", next == null ? null : Timestamp.from(next)).param("error", clip(error, 500))
                .param("id", id).param("token", token).update() == 1;
    }

    /** Newest first, {@code before} an id (keyset paging), optionally of one status and one channel. */
    public List<Delivery> list(Status status, Channel channel, Long before, int limit) {
        return jdbc.sql("""
                select * from notification_delivery
                where (cast(:status as varchar(20)) is null or status = :status)
                and (cast(:channel as varchar(20)) is null or channel = :channel)
                and (cast(:before as bigint) is null or id < :before)
                order by id desc fetch first :n rows only""")
                .param("status", status == null ? null : status.name())
                .param("channel", channel == null ? null : channel.name())
                .param("before", before).param("n", limit).query(this::delivery).list();
    }

    private Delivery delivery(ResultSet rs, int n) throws SQLException {
        Timestamp next = rs.getTimestamp("next_attempt_at");
        Timestamp delivered = rs.getTimestamp("delivered_at");
        long recipient = rs.getLong("recipient_id");
        Long recipientId = rs.wasNull() ? null : recipient;
        Channel channel = Channel.valueOf(rs.getString("channel"));
        // the robot URL's key is a credential: lists show the URL without it
        String address = channel == Channel.WECOM_ROBOT ? ChannelAccounts.masked(rs.getString("address"))
                : rs.getString("address");
        return new Delivery(rs.getLong("id"), recipientId, channel, address, rs.getString("kind"), rs.getString("subject"),
                Status.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant(),
                next == null ? null : next.toInstant(), rs.getString("last_error"),
                delivered == null ? null : delivered.toInstant());
    }
}
