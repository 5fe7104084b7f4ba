package com.careloop.platform.channel;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.careloop.platform.Backoff;
import com.careloop.platform.OutboxLoop;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the channel deliveries: woken after each commit that enqueued some, and every {@code poll-interval} as the
 * safety net. A node claims only rows of channels it has configured, so a node without SMTP leaves mails to one with
 * it. Failures are logged on the row and retried with back-off until {@code retry-for} has passed (then DEAD).
 */
@Component
class ChannelDispatcher {

    private static final Logger log = LoggerFactory.getLogger(ChannelDispatcher.class);
    private static final int BATCH = 100;

    private final ChannelOutbox outbox;
    private final Map<Channel, NotificationChannel> channels = new EnumMap<>(Channel.class);
    private final ChannelProperties properties;
    private final Backoff backoff;
    private final Clock clock;
    private final OutboxLoop loop;
    private final ExecutorService senders;
    private final String node = "node-" + UUID.randomUUID();

    ChannelDispatcher(ChannelOutbox outbox, List<NotificationChannel> channels, ChannelProperties properties,
                      Clock clock) {
        this.outbox = outbox;
        channels.forEach(c -> this.channels.put(c.channel(), c));
        this.properties = properties;
        this.backoff = new Backoff(properties.initialBackoff(), properties.maxBackoff(), properties.retryFor());
        this.clock = clock;
        this.loop = new OutboxLoop("notification-channels", this::sendDue, BATCH);
        this.senders = Executors.newFixedThreadPool(properties.senders(),
                r -> OutboxLoop.daemon(r, "notification-sender"));
        outbox.onEnqueue(loop::wake);
    }

    @PreDestroy
    void stop() {
        loop.close();
        senders.shutdownNow();
    }

    @Scheduled(fixedDelayString = "${careloop.notifications.poll-interval:PT5S}")
    void poll() {
        loop.wake();
    }

    /** One round: claim due rows of the channels configured here and send them; returns how many were claimed. */
    int sendDue() {
        Instant now = clock.instant();
        String token = node + ":" + UUID.randomUUID();
        List<Channel> enabled = channels.values().stream().filter(NotificationChannel::enabled)
                .map(NotificationChannel::channel).toList();
        List<ChannelOutbox.Claimed> claimed = outbox.claim(enabled, token, now, now.plus(properties.lease()), BATCH);
        if (!OutboxLoop.sendAll(senders, claimed, d -> send(d, token))) {
            return 0;
        }
        return claimed.size();
    }

    private void send(ChannelOutbox.Claimed d, String token) {
        try {
            channels.get(d.channel()).send(d.address(), d.subject(), d.body());
            outbox.delivered(d.id(), token, clock.instant());
        } catch (NotificationChannel.DeliveryFailure e) {
            Instant next = backoff.next(d.attempts(), d.retryFrom(), clock.instant()).orElse(null);
            log.warn("Notification by {} (delivery {}, attempt {}) failed: {}{}", d.channel(), d.id(), d.attempts(),
                    e.getMessage(), next == null ? "; given up" : "; next attempt " + next);
            outbox.failed(d.id(), token, e.getMessage(), next);
        }
    }
}
