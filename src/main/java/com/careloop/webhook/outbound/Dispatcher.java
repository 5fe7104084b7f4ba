package com.careloop.webhook.outbound;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.careloop.platform.Backoff;
import com.careloop.platform.Notifications;
import com.careloop.platform.OutboxLoop;
import com.careloop.platform.Text;
import com.careloop.webhook.WebhookPermissions;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox: woken after each commit that enqueued something, and every {@code poll-interval} as the safety
 * net (a node that restarts, a retry that came due, a lease that ran out). Each round claims up to a batch of due
 * rows and posts them on {@code senders} threads. No ShedLock: the conditional claim already lets every node take
 * a share without sending a row twice while its lease lives (at-least-once: a node that dies after the receiver
 * answered but before the outcome was written sends it again, with the same event id).
 */
@Component
class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final int BATCH = 200;

    private final Outbox outbox;
    private final Endpoints endpoints;
    private final Notifications notifications;
    private final WebhookProperties properties;
    private final Backoff backoff;
    private final Clock clock;
    private final HttpClient http;
    private final OutboxLoop loop;
    private final ExecutorService senders;
    private final String node = "node-" + UUID.randomUUID();

    Dispatcher(Outbox outbox, Endpoints endpoints, Notifications notifications, WebhookProperties properties, Clock clock) {
        this.outbox = outbox;
        this.endpoints = endpoints;
        this.notifications = notifications;
        this.properties = properties;
        this.backoff = new Backoff(properties.initialBackoff(), properties.maxBackoff(), properties.retryFor());
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.loop = new OutboxLoop("webhook", this::sendDue, BATCH);
        this.senders = Executors.newFixedThreadPool(properties.senders(), r -> OutboxLoop.daemon(r, "webhook-sender"));
        outbox.onEnqueue(this::wake);
    }

    @PreDestroy
    void stop() {
        loop.close();
        senders.shutdownNow();
    }

    @Scheduled(fixedDelayString = "${careloop.webhooks.poll-interval:PT2S}")
    void poll() {
        wake();
    }

    /** Starts a sending round unless one is running (which then goes round once more). */
    void wake() {
        if (properties.deliver()) {
            loop.wake();
        }
    }

    /** One round: claim due rows and send them; returns how many were claimed. */
    int sendDue() {
        Instant now = clock.instant();
        String token = node + ":" + UUID.randomUUID();
        List<Outbox.Claimed> claimed = outbox.claim(outbox.due(now, BATCH), token, now, now.plus(properties.lease()));
        if (!OutboxLoop.sendAll(senders, claimed, d -> send(d, token))) {
            return 0;
        }
        return claimed.size();
    }

    private void send(Outbox.Claimed d, String token) {
        Endpoints.Subscription endpoint = endpoints.subscription(d.endpointId());
        String refused = endpoints.guard().problem(endpoint.url()).orElse(null);
        if (refused != null) {
            failed(d, token, null, refused);
            return;
        }
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.url().trim()))
                .timeout(properties.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "CareLoop-Webhooks/1")
                .header(Signatures.EVENT_TYPE, d.eventType())
                .header(Signatures.EVENT_ID, d.eventId())
                .header(Signatures.TIMESTAMP, String.valueOf(timestamp))
                .header(Signatures.SIGNATURE, Signatures.sign(endpoint.secret(), timestamp, d.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(d.payload())).build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                outbox.delivered(d.id(), token, response.statusCode(), clock.instant());
                endpoints.succeeded(d.endpointId());
            } else {
                failed(d, token, response.statusCode(), "http-status");
            }
        } catch (HttpTimeoutException e) {
            failed(d, token, null, "timeout");
        } catch (ConnectException e) {
            failed(d, token, null, "connect");
        } catch (IOException e) {
            failed(d, token, null, "io: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void failed(Outbox.Claimed d, String token, Integer status, String error) {
        Instant next = backoff.next(d.attempts(), d.retryFrom(), clock.instant()).orElse(null);
        if (!outbox.failed(d.id(), token, status, error, next)) {
            return; // the lease ran out meanwhile: another round owns the row
        }
        if (endpoints.failed(d.endpointId()) >= properties.disableAfter()) {
            endpoints.disableAfterFailures(d.endpointId(), properties.disableAfter(), id -> {
                Endpoints.View v = endpoints.find(id);
                notifications.notifyHolders(WebhookPermissions.MANAGE, Text.of("webhook.notify.disabled.title", v.name()),
                        Text.of("webhook.notify.disabled.body", v.name(), v.url(), properties.disableAfter()),
                        "/admin/webhooks/" + v.id());
            });
        }
    }
}
